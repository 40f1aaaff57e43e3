import type { Position, RangeEdit } from '../../../core/change/change-types.js';
import { toLineStarts, toOffset } from '../../../core/change/text-positions.js';
import { OrchestratorError } from '../../../core/errors.js';

/** A file's text with position lookups. */
export interface FileText {
  readonly file: string;
  readonly text: string;
  /** The line break the file uses (`\r\n` when it has one, else `\n`). */
  readonly lineBreak: string;
  slice(start: Position, end: Position): string;
  /** The whitespace before `at` when nothing else precedes it on its line; else undefined. */
  indentBefore(at: Position): string | undefined;
}

/** A list between delimiters: parameters or arguments. */
export interface SlotList {
  open: Position;
  close: Position;
  slots: ReadonlyArray<{ start: Position; end: Position }>;
}

/** Wraps `text` for position lookups. */
export function toFileText(file: string, text: string): FileText {
  const starts = toLineStarts(text);
  const offset = (at: Position): number => {
    const found = toOffset(text, starts, at);
    if (found === undefined) {
      throw new OrchestratorError(
        'INTERNAL',
        `Position ${at.join(':')} is not in ${file}; the file may have changed. Try again.`,
        { data: { file, at }, retryable: true },
      );
    }
    return found;
  };
  return {
    file,
    text,
    lineBreak: text.includes('\r\n') ? '\r\n' : '\n',
    slice: (start, end) => text.slice(offset(start), offset(end)),
    indentBefore(at) {
      const lineStart = starts[at[0] - 1] ?? 0;
      const before = text.slice(lineStart, offset(at));
      return /^[ \t]*$/.test(before) ? before : undefined;
    },
  };
}

function edit(
  file: FileText,
  start: Position,
  end: Position,
  newText: string,
  reason: string,
): RangeEdit {
  return { start, end, oldText: file.slice(start, end), newText, reason };
}

function isBefore(a: Position, b: Position): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/**
 * The edit that puts `newText` at `index` of `list`, with `, ` between items — or, where the
 * list has one item per line, a line break and the neighbour's indentation.
 */
export function insertSlot(
  file: FileText,
  list: SlotList,
  index: number,
  newText: string,
  reason: string,
): RangeEdit {
  const { slots } = list;
  const last = slots.at(-1);
  if (last === undefined) return edit(file, list.open, list.open, newText, reason);
  if (index < slots.length) {
    const next = slots[index] as { start: Position };
    const previousEnd = index === 0 ? list.open : (slots[index - 1] as { end: Position }).end;
    const indent = file.indentBefore(next.start);
    const ownLine = indent !== undefined && previousEnd[0] < next.start[0];
    const text = ownLine ? `${newText},${file.lineBreak}${indent}` : `${newText}, `;
    return edit(file, next.start, next.start, text, reason);
  }
  const previousEnd = slots.length > 1 ? (slots.at(-2) as { end: Position }).end : list.open;
  const indent = file.indentBefore(last.start);
  const ownLine = indent !== undefined && previousEnd[0] < last.start[0];
  const text = ownLine ? `,${file.lineBreak}${indent}${newText}` : `, ${newText}`;
  return edit(file, last.end, last.end, text, reason);
}

/**
 * The edits that delete the items at `indexes` of `list` with their separators, keeping the
 * layout of what stays (a trailing comma, one item per line); all of them: `()`.
 */
export function deleteSlots(
  file: FileText,
  list: SlotList,
  indexes: ReadonlySet<number>,
  reason: string,
): RangeEdit[] {
  const { slots } = list;
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < slots.length; i += 1) {
    if (!indexes.has(i)) continue;
    const run = runs.at(-1);
    if (run !== undefined && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([first, last]) => {
    const start = slots[first] as { start: Position; end: Position };
    const end = slots[last] as { start: Position; end: Position };
    if (first === 0 && last === slots.length - 1) {
      return edit(file, list.open, list.close, '', reason);
    }
    if (last < slots.length - 1) {
      return edit(file, start.start, (slots[last + 1] as { start: Position }).start, '', reason);
    }
    return edit(file, (slots[first - 1] as { end: Position }).end, end.end, '', reason);
  });
}

/** True when `inner` lies within the range `[outer.start, outer.end)` of a deletion. */
export function isInside(inner: Pick<RangeEdit, 'start' | 'end'>, outer: RangeEdit): boolean {
  return (
    outer.newText === '' &&
    !isBefore(inner.start, outer.start) &&
    !isBefore(outer.end, inner.end) &&
    isBefore(outer.start, outer.end) &&
    (isBefore(outer.start, inner.start) || isBefore(inner.end, outer.end))
  );
}
