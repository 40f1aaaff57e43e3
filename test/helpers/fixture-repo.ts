import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** Runs git in `cwd` with a fixed identity; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@localhost', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );
}

export interface FixtureRepo {
  dir: string;
  /** A fingerprint of everything the user owns: files, refs, HEAD, worktrees, status, config. */
  fingerprint(): string;
  /** The same without refs and worktrees: the checkout's files, HEAD, status and config. */
  checkoutFingerprint(): string;
  read(file: string): string;
  /** `git show <branch>:<file>`. */
  show(branch: string, file: string): string;
  remove(): void;
}

/** Creates a git repository in a temp dir from a bundled example and/or a map of files, with one commit. */
export function createFixtureRepo(
  options: { example?: string; files?: Record<string, string> } = {},
): FixtureRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcpo-fixture-'));
  if (options.example)
    cpSync(path.join(REPO_ROOT, 'examples', options.example), dir, { recursive: true });
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'fixture');
  return {
    dir,
    fingerprint: () => fingerprint(dir, true),
    checkoutFingerprint: () => fingerprint(dir, false),
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    show: (branch, file) => git(dir, 'show', `${branch}:${file}`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function fingerprint(dir: string, withRefs: boolean): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(dir, full);
      if (relative === '.git' || relative === '.mcp-orchestrator') continue;
      if (entry.isDirectory()) walk(full);
      else hash.update(`${relative}\0`).update(readFileSync(full));
    }
  };
  walk(dir);
  for (const args of [
    ...(withRefs ? [['for-each-ref'], ['worktree', 'list', '--porcelain']] : []),
    ['status', '--porcelain', '--untracked-files=all'],
    ['rev-parse', 'HEAD'],
    ['symbolic-ref', 'HEAD'],
    ['config', '--local', '--list'],
    ['stash', 'list'],
  ]) {
    hash.update(git(dir, ...args));
  }
  return hash.digest('hex');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI and collects its output. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    onSpawn?: (pid: number) => void;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
