import { spawn } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createFixtureRepo,
  createTempDir,
  type FixtureRepo,
} from '../fixtures/git/create-fixture-repo.js';
import { type RepoSnapshot, snapshotRepo } from '../fixtures/git/snapshot-repo.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** A fixture repository made from a bundled example, plus what e2e tests ask of it. */
export interface ExampleRepo extends FixtureRepo {
  /**
   * Everything the user owns (files, .git refs, index, logs, worktrees, status) — without the
   * files a run is meant to leave: `.mcp-orchestrator/` and the `.git/info/exclude` line.
   */
  snapshot(): Promise<RepoSnapshot>;
  /** The checkout's own files, HEAD and status: what a successful run must not change. */
  checkoutSnapshot(): Promise<Record<string, string>>;
  read(file: string): Promise<string>;
  /** `git show <branch>:<file>`. */
  show(branch: string, file: string): Promise<string>;
}

const isRunState = (file: string): boolean =>
  file === '.mcp-orchestrator' ||
  file.startsWith('.mcp-orchestrator/') ||
  file === '.git/info/exclude';

/** Copies `examples/<example>` (if given) and `files` into a new repository with one commit. */
export async function createExampleRepo(
  options: { example?: string; files?: Record<string, string> } = {},
): Promise<ExampleRepo> {
  const dir = await createTempDir('mcpo-e2e-');
  if (options.example)
    await cp(path.join(REPO_ROOT, 'examples', options.example), dir, { recursive: true });
  const repo = await createFixtureRepo({ dir, files: options.files ?? {} });
  const snapshot = async (): Promise<RepoSnapshot> => {
    const taken = await snapshotRepo(dir);
    const files = Object.fromEntries(
      Object.entries(taken.files).filter(([file]) => !isRunState(file)),
    );
    const status = taken.status
      .split('\0')
      .filter((entry) => !entry.includes('.mcp-orchestrator'))
      .join('\0');
    return { ...taken, files, status };
  };
  return {
    ...repo,
    snapshot,
    async checkoutSnapshot() {
      const { files, status } = await snapshot();
      const own = Object.entries(files).filter(([file]) => !file.startsWith('.git/'));
      return { ...Object.fromEntries(own), status, head: await repo.git(['rev-parse', 'HEAD']) };
    },
    read: (file) => readFile(path.join(dir, file), 'utf8'),
    show: (branch, file) => repo.git(['show', `${branch}:${file}`]),
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI and collects its output; `onStderr` sees output as it arrives. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    onStderr?: (text: string, pid: number) => void;
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
      options.onStderr?.(stderr, child.pid ?? -1);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
