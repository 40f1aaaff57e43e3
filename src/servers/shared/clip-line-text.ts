
/**
 * Longest line text a tool returns, in UTF-16 code units; a longer line (minified code) comes
 * back as a window of this many units around the match.
 */
export const MAX_LINE_TEXT_LENGTH = 2000;

/** Where a clipped line text sits in its line. */
export interface LineClip {
  /** 1-based column (UTF-16) in the line of the returned text's first unit. */
  lineStart: number;
  /** Length of the whole line, in UTF-16 code units. */
  lineLength: number;
}

/** {@link LineClip} as a zod schema, declared once in the contracts. */
export { lineClipSchema } from '../../contracts/reply-fields.js';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function slice(text: string, start: number, end: number): { start: number; text: string } {
  let from = start;
  let to = Math.min(end, text.length);
  // Never split a surrogate pair: a half character would not survive UTF-8 encoding.
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from += 1;
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to -= 1;
  return { start: from, text: text.slice(from, to) };
}

/** `text` cut to its first `maxLength` UTF-16 units (one less rather than half a character). */
export function clipText(text: string, maxLength: number = MAX_LINE_TEXT_LENGTH): string {
  return text.length <= maxLength ? text : slice(text, 0, maxLength).text;
}

/**
 * `lineText` whole when it is at most `maxLength` units long; otherwise a `maxLength` window
 * centred on the span at 1-based `column` of `length` units (starting at the span when the
 * span is longer), with where the window starts.
 */
export function clipLineText(
  lineText: string,
  column: number,
  length: number,
  maxLength: number = MAX_LINE_TEXT_LENGTH,
): { lineText: string; clipped?: LineClip } {
  if (lineText.length <= maxLength) return { lineText };
  const spanStart = Math.min(Math.max(column - 1, 0), lineText.length);
  const centred = spanStart - Math.floor(Math.max(maxLength - length, 0) / 2);
  const start = Math.max(0, Math.min(centred, lineText.length - maxLength, spanStart));
  const window = slice(lineText, start, start + maxLength);
  return {
    lineText: window.text,
    clipped: { lineStart: window.start + 1, lineLength: lineText.length },
  };
}
