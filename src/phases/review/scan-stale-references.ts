import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitService } from '../../core/services.js';
import { compareText, toWholeWordPattern } from '../../core/whole-word.js';

/**
 * Re-counts the old name in every tracked file of the worktree and reports each line of a file
 * that holds more occurrences than the plan allows (`remaining`): references the rename missed.
 */
export async function scanStaleReferences(
  git: GitService,
  worktree: string,
  name: string,
  remaining: Readonly<Record<string, number>>,
  signal: AbortSignal,
): Promise<Array<{ file: string; line: number; lineText: string }>> {
  const counts = await git.countWholeWord(name, { cwd: worktree }, { signal });
  const stale: Array<{ file: string; line: number; lineText: string }> = [];
  const files = Object.keys(counts).sort(compareText);
  for (const file of files) {
    if ((counts[file] ?? 0) <= (remaining[file] ?? 0)) continue;
    const text = await readFile(path.join(worktree, file), 'utf8');
    for (const [index, line] of text.split('\n').entries()) {
      if (toWholeWordPattern(name).test(line))
        stale.push({ file, line: index + 1, lineText: line.trim() });
    }
  }
  return stale;
}
