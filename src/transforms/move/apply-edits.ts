import type { RangeEdit } from '../../core/change/change-types.js';
import { toLineStarts, toOffset } from '../../core/change/text-positions.js';

/** `text` with non-overlapping range edits applied (positions as the change model has them). */
export function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const starts = toLineStarts(text);
  const spans = edits
    .map((edit) => ({
      start: toOffset(text, starts, edit.start) ?? text.length,
      end: toOffset(text, starts, edit.end) ?? text.length,
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const span of spans)
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}
