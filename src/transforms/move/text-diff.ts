import type { RangeEdit } from '../../core/change/change-types.js';
import { toLineStarts, toPosition } from '../../core/change/text-positions.js';

/** Most cells of the line table a diff builds; past it the changed middle is one edit. */
const MAX_DIFF_CELLS = 4_000_000;

/** Names why one hunk of a diff exists, from its old and new text. */
export type HunkReason = (oldText: string, newText: string) => string;

/** `text` cut into lines, each with its own line break (lines end at \n, \r\n or \r). */
function toLines(text: string): { lines: string[]; offsets: number[] } {
  const starts = toLineStarts(text);
  const lines: string[] = [];
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? text.length;
    if (start === end) break;
    lines.push(text.slice(start, end));
  }
  return { lines, offsets: starts };
}

/** Which old lines (true: kept) and new lines (true: kept) a longest common subsequence keeps. */
function keptLines(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  const keepA = new Array<boolean>(n).fill(false);
  const keepB = new Array<boolean>(m).fill(false);
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_DIFF_CELLS) return [keepA, keepB];
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => table[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * (m + 1) + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keepA[i] = true;
      keepB[j] = true;
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1;
    else j += 1;
  }
  return [keepA, keepB];
}

/**
 * The line edits that turn `oldText` into `newText`: one edit per run of changed lines, each
 * holding the exact old text of its range, sorted; empty when the texts are equal.
 */
export function toDiffEdits(oldText: string, newText: string, reasonOf: HunkReason): RangeEdit[] {
  if (oldText === newText) return [];
  const before = toLines(oldText);
  const after = toLines(newText);
  const a = before.lines;
  const b = after.lines;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const [keepA, keepB] = keptLines(
    a.slice(prefix, a.length - suffix),
    b.slice(prefix, b.length - suffix),
  );
  const starts = before.offsets;
  const offsetOf = (line: number): number =>
    line < a.length ? (starts[line] as number) : oldText.length;
  const edits: RangeEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < keepA.length || j < keepB.length) {
    if (i < keepA.length && j < keepB.length && keepA[i] && keepB[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const fromA = i;
    const fromB = j;
    while (i < keepA.length && !keepA[i]) i += 1;
    while (j < keepB.length && !keepB[j]) j += 1;
    const start = offsetOf(prefix + fromA);
    const end = offsetOf(prefix + i);
    const removed = oldText.slice(start, end);
    const added = b.slice(prefix + fromB, prefix + j).join('');
    edits.push({
      start: toPosition(starts, start),
      end: toPosition(starts, end),
      oldText: removed,
      newText: added,
      reason: reasonOf(removed, added),
    });
  }
  return edits;
}
