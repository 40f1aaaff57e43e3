import type { RangeEdit } from './change-types.js';
import { comparePositionTuples } from './text-positions.js';

/** Edits of one file sorted by start, then end (inserts at one point keep their order). */
export function sortRangeEdits<T extends Pick<RangeEdit, 'start' | 'end'>>(
  edits: readonly T[],
): T[] {
  return [...edits].sort(
    (a, b) => comparePositionTuples(a.start, b.start) || comparePositionTuples(a.end, b.end),
  );
}

/**
 * The first problem with one file's edits: a range that ends before it starts, or two ranges
 * that overlap (touching ranges and inserts at one point are fine); undefined when none.
 */
export function findEditProblem(
  edits: readonly Pick<RangeEdit, 'start' | 'end'>[],
): string | undefined {
  for (const edit of edits) {
    if (comparePositionTuples(edit.start, edit.end) > 0) {
      return `has a range that ends (${edit.end.join(':')}) before it starts (${edit.start.join(':')})`;
    }
  }
  const sorted = sortRangeEdits(edits);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous === undefined || current === undefined) continue;
    const empty = comparePositionTuples(current.start, current.end) === 0;
    const overlaps = comparePositionTuples(previous.end, current.start) > 0;
    const sameStart = comparePositionTuples(previous.start, current.start) === 0;
    if (
      overlaps ||
      (sameStart && !empty && comparePositionTuples(previous.start, previous.end) !== 0)
    ) {
      return `has overlapping edits at ${previous.start.join(':')} and ${current.start.join(':')}`;
    }
  }
  return undefined;
}
