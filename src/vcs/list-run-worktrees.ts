import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { STATE_DIR_NAME } from './open-git-workspace.js';
import { runGit } from './run-git.js';

/** A worktree folder under `.mcp-orchestrator/worktrees/`, as git or the disk knows it. */
export interface RunWorktreeEntry {
  /** Absolute path. */
  path: string;
  /** The branch checked out there (`mcp-orchestrator/…`), or `null` (detached, or unknown to git). */
  branch: string | null;
}

/** Options for {@link listRunWorktrees}. */
export interface ListRunWorktreesOptions {
  signal?: AbortSignal;
}

/**
 * Every worktree in `<root>/.mcp-orchestrator/worktrees/`: those git lists (folder present or
 * not) and folders there that git no longer knows, sorted by path.
 */
export async function listRunWorktrees(
  root: string,
  options: ListRunWorktreesOptions = {},
): Promise<RunWorktreeEntry[]> {
  const worktreesDir = path.join(root, STATE_DIR_NAME, 'worktrees');
  const inside = (file: string) => file.startsWith(`${worktreesDir}${path.sep}`);
  const out = await runGit(['worktree', 'list', '--porcelain', '-z'], {
    cwd: root,
    signal: options.signal,
  });
  const entries = new Map<string, RunWorktreeEntry>();
  for (const entry of parseWorktreeList(out)) {
    if (inside(entry.path)) entries.set(entry.path, entry);
  }
  const folders = await readdir(worktreesDir).catch(() => [] as string[]);
  for (const name of folders) {
    const folder = path.join(worktreesDir, name);
    if (!entries.has(folder)) entries.set(folder, { path: folder, branch: null });
  }
  return [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Entries of `git worktree list --porcelain -z`: attribute lines end in NUL, entries in two. */
export function parseWorktreeList(output: string): RunWorktreeEntry[] {
  const entries: RunWorktreeEntry[] = [];
  for (const block of output.split('\0\0')) {
    const lines = block.split('\0').filter((line) => line !== '');
    const worktree = lines.find((line) => line.startsWith('worktree '));
    if (worktree === undefined) continue;
    const branch = lines.find((line) => line.startsWith('branch refs/heads/'));
    entries.push({
      path: worktree.slice('worktree '.length),
      branch: branch === undefined ? null : branch.slice('branch refs/heads/'.length),
    });
  }
  return entries;
}
