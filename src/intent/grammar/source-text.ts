import type { Token } from './tokenize.js';

/** Empty literals written as two punctuation tokens. */
const EMPTY_LITERALS = new Map([
  ['[', ']'],
  ['{', '}'],
  ['(', ')'],
]);

/**
 * A source-text literal at `at`: a number, a name (`None`, `math.pi`), a quoted string (kept
 * with its quotes: `"utf-8"`), backticked source (`` `30` `` → `30`) or `[]`, `{}`, `()`.
 */
export function readValue(
  tokens: readonly Token[],
  at: number,
): { end: number; text: string } | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  if (token.type === 'text') {
    return token.quote === '`' ? undefined : { end: at + 1, text: quoted(token.text, token.quote) };
  }
  if (token.type === 'punct') {
    const close = EMPTY_LITERALS.get(token.text);
    return close !== undefined && tokens[at + 1]?.text === close
      ? { end: at + 2, text: `${token.text}${close}` }
      : undefined;
  }
  if (token.type !== 'chunk') return undefined;
  if (token.quote === '"' || token.quote === "'") {
    return { end: at + 1, text: quoted(token.text, token.quote) };
  }
  const literal = token.shape === 'number' || token.shape === 'identifier';
  if (!literal && token.shape !== 'qualified') return undefined;
  return { end: at + 1, text: token.text };
}

function quoted(text: string, quote: string): string {
  return `${quote}${text}${quote}`;
}

/** A type at `at`: a (dotted) name, optionally with `[` arguments `]`: `dict[str, list[int]]`. */
export function readType(
  tokens: readonly Token[],
  at: number,
): { end: number; text: string } | undefined {
  const token = tokens[at];
  if (token?.type !== 'chunk') return undefined;
  if (token.shape !== 'identifier' && token.shape !== 'qualified') return undefined;
  if (tokens[at + 1]?.text !== '[') return { end: at + 1, text: token.text };
  const args: string[] = [];
  let next = at + 2;
  for (;;) {
    const arg = readType(tokens, next);
    if (arg === undefined) return { end: at + 1, text: token.text };
    args.push(arg.text);
    next = arg.end;
    const separator = tokens[next]?.text;
    if (separator === ']') return { end: next + 1, text: `${token.text}[${args.join(', ')}]` };
    if (separator !== ',') return { end: at + 1, text: token.text };
    next += 1;
  }
}
