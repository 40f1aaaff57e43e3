/** What a run of name and path characters looks like. */
export type ChunkShape = 'identifier' | 'qualified' | 'path' | 'number' | 'word' | 'other';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const QUALIFIED = /^[\p{L}_$][\p{L}\p{N}_$]*(?:(?:\.|::)[\p{L}_$][\p{L}\p{N}_$]*)+$/u;
const NUMBER = /^-?\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?$/i;
/** Letters with inner hyphens or apostrophes: `let's`, `risk-management`, `module-level`. */
const WORD = /^\p{L}[\p{L}\p{N}_]*(?:['-][\p{L}\p{N}_]+)+$/u;
/** Source files a command may name (`pkg/errors.py`): a dotted name ending so is a path. */
const SOURCE_FILE = /\.(?:py|pyi|[cm]?[jt]sx?|json)$/i;

/**
 * `post_entry` identifier, `Ledger.post` / `Foo::bar` qualified, `src/users` / `errors.py` /
 * `./ledger` path, `30` / `-1.5` number, `let's` word; anything else (`9lives`, `--x`) other.
 */
export function toChunkShape(text: string): ChunkShape {
  if (NUMBER.test(text)) return 'number';
  if (IDENTIFIER.test(text)) return 'identifier';
  if (
    text.includes('/') ||
    text.startsWith('.') ||
    (SOURCE_FILE.test(text) && !text.includes('::'))
  )
    return 'path';
  if (QUALIFIED.test(text)) return 'qualified';
  if (WORD.test(text)) return 'word';
  return 'other';
}

/** True for a letter, digit, `_` or `$`: what names are made of. */
export function isNameChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_$]/u.test(char);
}

/** True for a letter. */
export function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}
