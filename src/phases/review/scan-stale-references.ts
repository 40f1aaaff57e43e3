import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A whole-word matcher with ripgrep's `--word` boundaries (Unicode letters, digits, `_`). */
export function toWordPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu');
}

/**
 * Re-scans every tracked file of the worktree for the old name and reports each line of a file
 * that holds more occurrences than the plan allows (`remaining`): references the rename missed.
 */
export async function scanStaleReferences(
  worktree: string,
  name: string,
  remaining: Readonly<Record<string, number>>,
  signal: AbortSignal,
): Promise<Array<{ file: string; line: number; lineText: string }>> {
  const { stdout } = await execFileAsync('git', ['-c', 'core.quotepath=off', 'ls-files', '-z'], {
    cwd: worktree,
    signal,
    maxBuffer: 256 * 1024 * 1024,
  });
  const files = stdout
    .split('\0')
    .filter((file) => file.length > 0)
    .sort();
  const pattern = toWordPattern(name);
  const stale: Array<{ file: string; line: number; lineText: string }> = [];
  for (const file of files) {
    let text: string;
    try {
      const buffer = await readFile(path.join(worktree, file));
      if (buffer.length > MAX_FILE_BYTES || buffer.includes(0)) continue;
      text = buffer.toString('utf8');
    } catch {
      continue;
    }
    const count = text.match(pattern)?.length ?? 0;
    if (count <= (remaining[file] ?? 0)) continue;
    for (const [index, line] of text.split('\n').entries()) {
      if (line.match(pattern)) stale.push({ file, line: index + 1, lineText: line.trim() });
    }
  }
  return stale;
}
