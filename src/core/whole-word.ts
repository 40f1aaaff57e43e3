/** Escapes `text` for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for `name` as a whole word: not preceded or followed by an ASCII letter, digit,
 * `_` or `$` (the characters of JS and Python identifiers that matter here).
 */
export function toWholeWordPattern(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_$])${escapeRegex(name)}(?![A-Za-z0-9_$])`, 'g');
}

/** How many times `name` occurs in `text` as a whole word. */
export function countWholeWord(text: string, name: string): number {
  return text.match(toWholeWordPattern(name))?.length ?? 0;
}

/** Ordinal string order (code units): the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
