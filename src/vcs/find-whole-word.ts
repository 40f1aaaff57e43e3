import type { WordPosition } from '../core/services.js';
import { compareText, toWholeWordPattern } from '../core/whole-word.js';
import { runGitRaw, toGitError } from './run-git.js';

/**
 * Every whole-word occurrence of `word` in tracked text files: at `revision`, or (without one)
 * in the working tree of `cwd`. git finds the lines (`git grep -F`, binary files skipped); the
 * columns (1-based, UTF-16 code units) and word boundaries are ours, so that every layer
 * agrees on them (see `toWholeWordPattern`). Sorted by file, line, column.
 */
export async function findWholeWord(
  cwd: string,
  word: string,
  options: { revision?: string; signal?: AbortSignal } = {},
): Promise<WordPosition[]> {
  const args = ['grep', '-z', '-n', '-I', '--no-textconv', '--no-color', '-F', '-e', word];
  if (options.revision !== undefined) args.push(options.revision);
  args.push('--');
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  // git grep exits 1 when nothing matched.
  if (output.exitCode === 1 && output.stdout === '') return [];
  if (output.exitCode !== 0) throw toGitError(args, cwd, output);
  const prefix = options.revision === undefined ? '' : `${options.revision}:`;
  const found: WordPosition[] = [];
  for (const record of output.stdout.split('\n')) {
    // -z: `<file>\0<line>\0<text>`; with a revision the file is `<rev>:<file>`.
    const first = record.indexOf('\0');
    const second = first === -1 ? -1 : record.indexOf('\0', first + 1);
    if (second === -1) continue;
    const tagged = record.slice(0, first);
    const file = tagged.startsWith(prefix) ? tagged.slice(prefix.length) : tagged;
    const line = Number(record.slice(first + 1, second));
    const lineText = record.slice(second + 1).replace(/\r$/, '');
    for (const match of lineText.matchAll(toWholeWordPattern(word))) {
      found.push({ file, line, column: match.index + 1, lineText });
    }
  }
  return found.sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
