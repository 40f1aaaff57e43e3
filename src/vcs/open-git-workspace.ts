import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { runGit, runGitRaw } from './run-git.js';

/** The folder, relative to the workspace root, where runs keep their files. */
export const STATE_DIR_NAME = '.mcp-orchestrator';

/** Options for {@link openGitWorkspace} and the methods of {@link GitWorkspace}. */
export interface GitCallOptions {
  signal?: AbortSignal;
}

/** The user's git repository, as the orchestrator reads it. It never changes the checkout. */
export interface GitWorkspace {
  /** Top level of the working tree, as a real path (symlinks resolved). */
  readonly root: string;
  /** The repository's common git directory (shared by all its worktrees), absolute. */
  readonly gitCommonDir: string;
  /** Full SHA-1 of `HEAD`. */
  headCommit(options?: GitCallOptions): Promise<string>;
  /** The checked-out branch name, or `null` when `HEAD` is detached. */
  currentBranch(options?: GitCallOptions): Promise<string | null>;
  /**
   * Paths (relative to {@link root}, sorted) with uncommitted changes, untracked files
   * included and everything under `.mcp-orchestrator/` left out.
   */
  dirtyFiles(options?: GitCallOptions): Promise<string[]>;
  /**
   * Adds `pattern` to the repository's `info/exclude` unless a line already equals it.
   * Returns true when it added the line.
   * @default pattern '.mcp-orchestrator/'
   */
  ensureExcluded(pattern?: string, options?: GitCallOptions): Promise<boolean>;
  /** True when `refs/heads/<name>` exists. */
  branchExists(name: string, options?: GitCallOptions): Promise<boolean>;
  /** Full SHA-1 of the commit `ref` names; `GIT_FAILED` when there is none. */
  resolveCommit(ref: string, options?: GitCallOptions): Promise<string>;
}

/**
 * Opens the git repository that contains `dir`.
 * Throws `BAD_INPUT` when `dir` does not exist (or is a file), `NOT_A_GIT_REPO` when it is not
 * inside a working tree (a bare repository says so), or when the repository has no commit yet
 * (there is nothing to branch from).
 */
export async function openGitWorkspace(
  dir: string,
  options: GitCallOptions = {},
): Promise<GitWorkspace> {
  const { signal } = options;
  const absolute = path.resolve(dir);
  await assertFolder(absolute);
  const top = await runGitRaw(['rev-parse', '--show-toplevel'], { cwd: absolute, signal });
  const topLevel = top.stdout.trim();
  if (top.exitCode !== 0 || topLevel === '') {
    const bare = await runGitRaw(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], {
      cwd: absolute,
      signal,
    });
    const [isBare, gitDir] = bare.stdout.trim().split('\n');
    if (bare.exitCode === 0 && isBare === 'true') throw bareRepo(absolute, gitDir ?? absolute);
    throw notARepo(absolute, top.stderr.trim());
  }
  const root = await realpath(topLevel);
  const commonRaw = (await runGit(['rev-parse', '--git-common-dir'], { cwd: root, signal })).trim();
  const gitCommonDir = await realpath(path.resolve(root, commonRaw));
  const head = await runGitRaw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: root,
    signal,
  });
  if (head.exitCode !== 0) {
    throw new OrchestratorError(
      'NOT_A_GIT_REPO',
      `The git repository at ${root} has no commits yet. Commit once (git commit --allow-empty -m "initial commit"), then run again.`,
      { data: { dir: absolute, root, reason: 'NO_COMMITS' } },
    );
  }
  return createGitWorkspace(root, gitCommonDir);
}

function createGitWorkspace(root: string, gitCommonDir: string): GitWorkspace {
  const git = (args: string[], signal?: AbortSignal) => runGit(args, { cwd: root, signal });
  return {
    root,
    gitCommonDir,
    async headCommit(options = {}) {
      return (await git(['rev-parse', '--verify', 'HEAD^{commit}'], options.signal)).trim();
    },
    async currentBranch(options = {}) {
      const out = await runGitRaw(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
        cwd: root,
        signal: options.signal,
      });
      return out.exitCode === 0 ? out.stdout.trim() : null;
    },
    async dirtyFiles(options = {}) {
      const out = await git(
        ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none'],
        options.signal,
      );
      return parsePorcelainPaths(out)
        .filter((file) => file !== STATE_DIR_NAME && !file.startsWith(`${STATE_DIR_NAME}/`))
        .sort();
    },
    async ensureExcluded(pattern = `${STATE_DIR_NAME}/`, options = {}) {
      options.signal?.throwIfAborted();
      const excludeFile = path.join(gitCommonDir, 'info', 'exclude');
      const current = await readFile(excludeFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      if (current.split(/\r?\n/).some((line) => line.trim() === pattern)) return false;
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      await mkdir(path.dirname(excludeFile), { recursive: true });
      await writeFile(excludeFile, `${current}${separator}${pattern}\n`);
      return true;
    },
    async branchExists(name, options = {}) {
      const out = await runGitRaw(['show-ref', '--verify', '--quiet', `refs/heads/${name}`], {
        cwd: root,
        signal: options.signal,
      });
      return out.exitCode === 0;
    },
    async resolveCommit(ref, options = {}) {
      return (
        await git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], options.signal)
      ).trim();
    },
  };
}

/** Paths from `git status --porcelain=v1 -z`; for a rename, both the new and the old path. */
export function parsePorcelainPaths(output: string): string[] {
  const entries = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] ?? '';
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    if (status.includes('R') || status.includes('C')) {
      const original = entries[i + 1];
      if (original !== undefined && original !== '') paths.push(original);
      i += 1;
    }
  }
  return [...new Set(paths)];
}

/** Throws `BAD_INPUT` naming `dir` when it does not exist or is not a folder. */
async function assertFolder(dir: string): Promise<void> {
  const stats = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (stats === null) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `The folder ${dir} does not exist. Pass --workspace a folder inside a git repository.`,
      { data: { dir, reason: 'NO_SUCH_FOLDER' } },
    );
  }
  if (!stats.isDirectory()) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${dir} is a file, not a folder. Pass --workspace a folder inside a git repository.`,
      { data: { dir, reason: 'NOT_A_FOLDER' } },
    );
  }
}

function bareRepo(dir: string, gitDir: string): OrchestratorError {
  return new OrchestratorError(
    'NOT_A_GIT_REPO',
    `${gitDir} is a bare git repository: it has no working tree, and a run needs one to branch from. Clone it (git clone ${gitDir} <folder>) or add a worktree (git -C ${gitDir} worktree add <folder>), then pass that folder with --workspace.`,
    { data: { dir, gitDir, reason: 'BARE_REPOSITORY' } },
  );
}

function notARepo(dir: string, detail?: string): OrchestratorError {
  return new OrchestratorError(
    'NOT_A_GIT_REPO',
    `No git repository at ${dir}. Run "git init" or pass --workspace.`,
    { data: { dir, ...(detail === undefined || detail === '' ? {} : { detail }) } },
  );
}
