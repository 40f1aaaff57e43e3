import type { Position } from './change-types.js';

/** Offsets (UTF-16 code units) where each line of `text` starts; lines end at \n, \r\n or \r. */
export function toLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i += 1;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The offset of a 1-based `[line, column]` in text with `lineStarts`, or undefined when the
 * position is not inside the text (a column may point just past a line's last character).
 */
export function toOffset(
  text: string,
  lineStarts: readonly number[],
  [line, column]: Position,
): number | undefined {
  const start = lineStarts[line - 1];
  if (start === undefined || !Number.isInteger(column) || column < 1) return undefined;
  const next = lineStarts[line];
  const lineEnd = next === undefined ? text.length : next;
  const offset = start + column - 1;
  return offset <= lineEnd ? offset : undefined;
}

/** The 1-based `[line, column]` of `offset` in text with `lineStarts`. */
export function toPosition(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return [low + 1, offset - (lineStarts[low] as number) + 1];
}

/** Orders positions: by line, then column. */
export function comparePositionTuples(a: Position, b: Position): number {
  return a[0] - b[0] || a[1] - b[1];
}
