import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './run-git.js';

/**
 * Untracked, not-ignored symlinks in a worktree that point outside it — such as the
 * `node_modules` links {@link linkDependencies} makes. They must never be committed
 * (a `node_modules/` ignore rule matches folders only, not a symlink).
 * Returns `/`-separated paths relative to `worktreePath`, sorted.
 */
export async function findForeignSymlinks(
  worktreePath: string,
  options: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const out = await runGit(['ls-files', '--others', '--exclude-standard', '-z'], {
    cwd: worktreePath,
    signal: options.signal,
  });
  const found: string[] = [];
  for (const file of out.split('\0')) {
    if (file === '') continue;
    const absolute = path.join(worktreePath, file);
    const stats = await lstat(absolute).catch(() => null);
    if (stats === null || !stats.isSymbolicLink()) continue;
    const target = path.resolve(path.dirname(absolute), await readlink(absolute));
    const relative = path.relative(worktreePath, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) found.push(file);
  }
  return found.sort();
}

/** Pathspecs for `git add`: everything, except the given literal paths. */
export function toAddPathspecs(excluded: readonly string[]): string[] {
  return ['.', ...excluded.map((file) => `:(exclude,literal)${file}`)];
}
