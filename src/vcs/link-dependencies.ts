import { access, constants, lstat, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './run-git.js';

/** One dependency folder linked from the checkout into a worktree. */
export interface LinkedDependency {
  /** `/`-separated path relative to the worktree (and the checkout). */
  path: string;
  /** Absolute folder in the checkout the link points to. */
  target: string;
}

/** Options for {@link linkDependencies}. */
export interface LinkDependenciesOptions {
  signal?: AbortSignal;
}

/** Root-level Python environments, in the order they are preferred. */
const PYTHON_ENVS = ['.venv', 'venv'] as const;

/**
 * Makes a fresh worktree runnable without installing anything: symlinks each dependency folder
 * that exists in the checkout and is not tracked by git — `node_modules` at the root and next to
 * every tracked `package.json`, and a root `.venv` / `venv` — into the same place in the
 * worktree. Skips a place whose parent folder is missing in the worktree or that already exists
 * there. Returns what it linked, sorted by path.
 */
export async function linkDependencies(
  checkoutRoot: string,
  worktreePath: string,
  options: LinkDependenciesOptions = {},
): Promise<LinkedDependency[]> {
  const { signal } = options;
  const candidates = new Set<string>(['node_modules', ...PYTHON_ENVS]);
  const manifests = await runGit(['ls-files', '-z', '--', ':(glob)**/package.json'], {
    cwd: checkoutRoot,
    signal,
  });
  for (const manifest of manifests.split('\0')) {
    if (manifest === '' || manifest.split('/').includes('node_modules')) continue;
    const dir = path.posix.dirname(manifest);
    candidates.add(dir === '.' ? 'node_modules' : `${dir}/node_modules`);
  }
  const linked: LinkedDependency[] = [];
  for (const candidate of [...candidates].sort()) {
    signal?.throwIfAborted();
    const target = path.join(checkoutRoot, candidate);
    const link = path.join(worktreePath, candidate);
    if (!(await isDirectory(target))) continue;
    if (!(await exists(path.dirname(link))) || (await lstatOrNull(link)) !== null) continue;
    if (await isTracked(checkoutRoot, candidate, signal)) continue;
    await symlink(target, link, 'dir');
    linked.push({ path: candidate, target });
  }
  return linked;
}

/**
 * The Python a workspace's tests should run with: the checkout's `.venv` or `venv` interpreter
 * when there is one, else `python3` (looked up on PATH).
 */
export async function findPythonInterpreter(checkoutRoot: string): Promise<string> {
  const relative = process.platform === 'win32' ? ['Scripts', 'python.exe'] : ['bin', 'python'];
  for (const env of PYTHON_ENVS) {
    const candidate = path.join(checkoutRoot, env, ...relative);
    const runnable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (runnable) return candidate;
  }
  return 'python3';
}

async function isTracked(root: string, relative: string, signal?: AbortSignal): Promise<boolean> {
  const out = await runGit(['ls-files', '-z', '--', `:(literal)${relative}`], {
    cwd: root,
    signal,
  });
  return out !== '';
}

async function isDirectory(file: string): Promise<boolean> {
  // Follows symlinks: a checkout's node_modules may itself be a link (pnpm, monorepo tools).
  return stat(file).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function lstatOrNull(file: string) {
  return lstat(file).catch(() => null);
}
