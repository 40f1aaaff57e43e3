import type { Position, RangeEdit } from '../core/change/change-types.js';
import { toLineStarts, toOffset } from '../core/change/text-positions.js';
import { OrchestratorError } from '../core/errors.js';

/** An edit with its range as offsets (UTF-16 code units) into the decoded text. */
export interface LocatedEdit {
  start: number;
  end: number;
  edit: RangeEdit;
}

const AGAIN = 'the plan does not match the code. Make a new plan.';

/**
 * Finds every edit of `file` in its decoded `text`, checks that each range holds its `oldText`
 * and that no two ranges overlap, and returns them in text order (inserts at one point keep
 * the plan's order).
 * @throws PLAN_INVALID naming file, line, column, and the expected and actual text.
 */
export function locateEdits(
  file: string,
  text: string,
  edits: readonly RangeEdit[],
): LocatedEdit[] {
  const lineStarts = toLineStarts(text);
  const located = edits.map((edit) => {
    const start = toCheckedOffset(file, text, lineStarts, edit.start);
    const end = toCheckedOffset(file, text, lineStarts, edit.end);
    if (end < start) {
      throw planInvalid(
        `${file}:${at(edit.start)}: the edit ends at ${at(edit.end)}, before it starts: ${AGAIN}`,
        { file, start: edit.start, end: edit.end },
      );
    }
    const actual = text.slice(start, end);
    if (actual !== edit.oldText) {
      const [line, column] = edit.start;
      throw planInvalid(
        `${file}:${line}:${column} holds ${JSON.stringify(actual)}, not ${JSON.stringify(edit.oldText)}: ${AGAIN}`,
        { file, line, column, expected: edit.oldText, actual },
      );
    }
    return { start, end, edit };
  });
  located.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < located.length; i += 1) {
    const previous = located[i - 1] as LocatedEdit;
    const next = located[i] as LocatedEdit;
    if (next.start < previous.end) {
      const first = at(previous.edit.start);
      const second = at(next.edit.start);
      throw planInvalid(`${file}: the edits at ${first} and ${second} overlap: ${AGAIN}`, {
        file,
        positions: [previous.edit.start, next.edit.start],
      });
    }
  }
  return located;
}

/** The offset of `position`, refusing one outside the text or inside a surrogate pair. */
function toCheckedOffset(
  file: string,
  text: string,
  lineStarts: readonly number[],
  position: Position,
): number {
  const offset = toOffset(text, lineStarts, position);
  const [line, column] = position;
  if (offset === undefined) {
    const start = lineStarts[line - 1];
    const next = lineStarts[line] ?? text.length;
    const limit =
      start === undefined || !Number.isInteger(line)
        ? `the file has ${lineStarts.length} lines`
        : `line ${line} ends at column ${next - start + 1}`;
    throw planInvalid(`${file}:${line}:${column} is outside the file (${limit}): ${AGAIN}`, {
      file,
      line,
      column,
    });
  }
  const code = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  if (code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff) {
    throw planInvalid(`${file}:${line}:${column} splits a character in two: ${AGAIN}`, {
      file,
      line,
      column,
    });
  }
  return offset;
}

function at([line, column]: Position): string {
  return `${line}:${column}`;
}

function planInvalid(message: string, data: Record<string, unknown>): OrchestratorError {
  return new OrchestratorError('PLAN_INVALID', message, { data });
}
