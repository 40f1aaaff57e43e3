import type { RangeEdit } from '../../core/change/change-types.js';
import { toLineStarts, toOffset } from '../../core/change/text-positions.js';

/**
 * `text` with non-overlapping range edits applied (positions as the change model has them;
 * inserts at one point land in their order, before a range that starts there).
 */
export function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const starts = toLineStarts(text);
  const spans = edits
    .map((edit, index) => ({
      start: toOffset(text, starts, edit.start) ?? text.length,
      end: toOffset(text, starts, edit.end) ?? text.length,
      newText: edit.newText,
      index,
    }))
    // Last first; at one point the range before the inserts, and inserts in reverse order.
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let result = text;
  for (const span of spans)
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}
