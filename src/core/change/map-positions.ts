import type { Position, RangeEdit } from './change-types.js';
import { comparePositionTuples } from './text-positions.js';

/** Line breaks as positions count them. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Where `text`, inserted at `start`, ends. */
export function endOfInsertedText(start: Position, text: string): Position {
  const lines = text.split(LINE_BREAK);
  if (lines.length === 1) return [start[0], start[1] + text.length];
  return [start[0] + lines.length - 1, (lines.at(-1) as string).length + 1];
}

/**
 * Where a position of the original text lies once `edits` (of one file, non-overlapping) are
 * applied; undefined when an edit replaced it.
 */
export function mapPositionThroughEdits(
  edits: readonly Pick<RangeEdit, 'start' | 'end' | 'newText'>[],
  position: Position,
): Position | undefined {
  let lineShift = 0;
  // Where the last edit ended, in the original and in the edited text (columns of that line).
  let last: { line: number; original: number; mapped: number } | undefined;
  for (const edit of [...edits].sort((a, b) => comparePositionTuples(a.start, b.start))) {
    if (comparePositionTuples(edit.end, position) > 0) {
      if (comparePositionTuples(edit.start, position) <= 0) return undefined;
      break;
    }
    const inserted = endOfInsertedText(edit.start, edit.newText);
    lineShift += inserted[0] - edit.start[0] - (edit.end[0] - edit.start[0]);
    const startColumn =
      last !== undefined && last.line === edit.start[0]
        ? last.mapped + (edit.start[1] - last.original)
        : edit.start[1];
    const endColumn =
      inserted[0] === edit.start[0] ? startColumn + edit.newText.length : inserted[1];
    last = { line: edit.end[0], original: edit.end[1], mapped: endColumn };
  }
  const column =
    last !== undefined && last.line === position[0]
      ? last.mapped + (position[1] - last.original)
      : position[1];
  return [position[0] + lineShift, column];
}
