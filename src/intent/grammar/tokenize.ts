import { type ChunkShape, isLetter, isNameChar, toChunkShape } from './chunk-shape.js';

export type QuoteKind = '"' | "'" | '`';

interface Span {
  /** Offsets in the normalised command. */
  readonly start: number;
  readonly end: number;
}

/** A name, a word, a path or a number; `quote` when it was written in quotes. */
export interface ChunkToken extends Span {
  readonly type: 'chunk';
  readonly text: string;
  readonly lower: string;
  readonly shape: ChunkShape;
  readonly quote?: QuoteKind;
}

/** Quoted text that is more than one chunk: `"risk management"`, `"a b"`. */
export interface TextToken extends Span {
  readonly type: 'text';
  readonly text: string;
  readonly quote: QuoteKind;
}

export interface ArrowToken extends Span {
  readonly type: 'arrow';
  readonly text: string;
}

/** One punctuation character: `(`, `)`, `,`, `:`, `=`, `.`, `!`, `?`, `[`, … */
export interface PunctToken extends Span {
  readonly type: 'punct';
  readonly text: string;
}

export type Token = ChunkToken | TextToken | ArrowToken | PunctToken;

/** The tokens of a command, or why it cannot be one command. */
export type Tokenized = { tokens: Token[] } | { problem: string };

const ARROWS = ['-->', '==>', '->', '=>', '→', '⇒', '⟶', '⟹', '➜', '➔'];
const QUOTES: Readonly<Record<string, { close: readonly string[]; kind: QuoteKind }>> = {
  '"': { close: ['"'], kind: '"' },
  "'": { close: ["'"], kind: "'" },
  '`': { close: ['`'], kind: '`' },
  '“': { close: ['”', '"'], kind: '"' },
  '”': { close: ['”'], kind: '"' },
  '‘': { close: ['’', "'"], kind: "'" },
  '«': { close: ['»'], kind: '"' },
};
/** Characters that join or pipe shell commands; never part of a change command. */
const SHELL = new Set([';', '&', '|']);
const APOSTROPHES = new Set(["'", '’']);

/** `command` trimmed, with runs of white space (newlines included) made one space. */
export function normaliseCommand(command: string): string {
  return command.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Splits a normalised command into tokens: chunks (names, `X.Y`, `Foo::bar`, paths, numbers,
 * `let's`), quoted names, quoted text, arrows and punctuation. Shell syntax (`;`, `&&`, `|`,
 * `$(`), an unclosed quote and backticks around more than a name are problems, not tokens.
 * (`<` and `>` are punctuation: they belong in types, `Array<string>`, and nowhere else.)
 */
export function tokenize(text: string, offset = 0): Tokenized {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === ' ') {
      i += 1;
      continue;
    }
    const arrow = ARROWS.find((a) => text.startsWith(a, i));
    if (arrow !== undefined) {
      tokens.push({
        type: 'arrow',
        text: arrow,
        start: offset + i,
        end: offset + i + arrow.length,
      });
      i += arrow.length;
      continue;
    }
    if (SHELL.has(char) || (char === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))) {
      return { problem: `holds shell syntax (${JSON.stringify(excerpt(text, i))})` };
    }
    const quote = QUOTES[char];
    if (quote !== undefined) {
      const read = readQuoted(text, i, quote, offset);
      if ('problem' in read) return read;
      tokens.push(...read.tokens);
      i = read.next;
      continue;
    }
    if (isChunkStart(text, i)) {
      const end = scanChunk(text, i);
      const raw = text.slice(i, end).replace(/’/g, "'");
      const trimmed = raw.length > 1 && /[\p{L}\p{N}_$]/u.test(raw) ? raw.replace(/\.+$/, '') : raw;
      tokens.push(toChunk(trimmed, offset + i));
      i += trimmed.length;
      continue;
    }
    tokens.push({ type: 'punct', text: char, start: offset + i, end: offset + i + 1 });
    i += 1;
  }
  return { tokens };
}

function isChunkStart(text: string, i: number): boolean {
  const char = text[i];
  if (isNameChar(char) || char === '/') return true;
  if (char === '.')
    return text[i + 1] === '/' || text.startsWith('../', i) || isNameChar(text[i + 1]);
  return char === '-' && /\d/.test(text[i + 1] ?? '');
}

function scanChunk(text: string, start: number): number {
  let j = start;
  while (j < text.length) {
    const char = text[j] as string;
    if (char === '-' && text[j + 1] === '>') break;
    if (isNameChar(char) || char === '.' || char === '/' || char === '-') {
      j += 1;
    } else if (char === ':' && text[j + 1] === ':' && isNameChar(text[j + 2]) && j > start) {
      j += 2;
    } else if (APOSTROPHES.has(char) && isLetter(text[j - 1]) && isLetter(text[j + 1])) {
      j += 1;
    } else {
      break;
    }
  }
  return j;
}

function toChunk(text: string, start: number, quote?: QuoteKind): ChunkToken {
  return {
    type: 'chunk',
    text,
    lower: text.toLowerCase(),
    shape: toChunkShape(text),
    start,
    end: start + text.length,
    ...(quote === undefined ? {} : { quote }),
  };
}

/** A quoted name becomes a chunk (a call's `()` kept as punctuation); quoted words, text. */
function readQuoted(
  text: string,
  open: number,
  quote: { close: readonly string[]; kind: QuoteKind },
  offset: number,
): { tokens: Token[]; next: number } | { problem: string } {
  const closes = quote.close.map((c) => text.indexOf(c, open + 1)).filter((index) => index !== -1);
  if (closes.length === 0) {
    return { problem: `has an unclosed quote (${JSON.stringify(excerpt(text, open))})` };
  }
  const close = Math.min(...closes);
  const content = text.slice(open + 1, close);
  const inner = tokenize(content, offset + open + 1);
  if ('problem' in inner) return inner;
  const [first, ...rest] = inner.tokens;
  const call = rest.length === 2 && rest[0]?.text === '(' && rest[1]?.text === ')';
  if (first?.type === 'chunk' && (rest.length === 0 || call)) {
    return {
      tokens: [toChunk(first.text, first.start, quote.kind), ...rest],
      next: close + 1,
    };
  }
  if (quote.kind === '`') {
    return {
      problem: `has backticks around more than a name (${JSON.stringify(text.slice(open, close + 1))})`,
    };
  }
  const start = offset + open;
  return {
    tokens: [
      { type: 'text', text: content.trim(), quote: quote.kind, start, end: offset + close + 1 },
    ],
    next: close + 1,
  };
}

function excerpt(text: string, at: number): string {
  const rest = text.slice(at);
  return rest.length > 40 ? `${rest.slice(0, 40)}…` : rest;
}
