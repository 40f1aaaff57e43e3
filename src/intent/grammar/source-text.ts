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

const OPEN = new Map([
  ['(', ')'],
  ['[', ']'],
  ['<', '>'],
  ['{', '}'],
]);
const CLOSE = new Set(OPEN.values());
/** Punctuation a type may hold between brackets; `.` and `?` anywhere. */
const INNER = new Set([',', ':', '.', '?']);

/**
 * Every type that starts at `at`, shortest first: names joined by `.`, brackets (`list[str]`,
 * `Array<string>`, `(e: Event) => void`), string literals. Two names side by side outside
 * brackets end a type (`int to f` is `int`). Written back with canonical spacing.
 */
export function readTypes(tokens: readonly Token[], at: number): { end: number; text: string }[] {
  const found: { end: number; text: string }[] = [];
  const stack: string[] = [];
  let previous: Token | undefined;
  for (let next = at; next < tokens.length; next += 1) {
    const token = tokens[next] as Token;
    if (!fitsInType(token, previous, stack)) break;
    if (token.type === 'punct' && OPEN.has(token.text)) stack.push(OPEN.get(token.text) as string);
    else if (token.type === 'punct' && CLOSE.has(token.text)) stack.pop();
    previous = token;
    const last =
      token.type === 'arrow' ||
      (token.type === 'punct' && token.text !== '?' && !CLOSE.has(token.text));
    if (stack.length === 0 && !last) {
      found.push({ end: next + 1, text: toTypeText(tokens.slice(at, next + 1)) });
    }
  }
  return found;
}

function fitsInType(token: Token, previous: Token | undefined, stack: readonly string[]): boolean {
  const atomic = (t: Token | undefined) => t?.type === 'chunk' || t?.type === 'text';
  if (atomic(token)) {
    const closed = previous?.type === 'punct' && CLOSE.has(previous.text);
    return previous === undefined || !(atomic(previous) || (closed && stack.length === 0));
  }
  if (previous === undefined)
    return token.type === 'punct' && (token.text === '(' || token.text === '[');
  if (token.type === 'arrow') return token.text === '=>';
  if (token.type !== 'punct') return false;
  if (OPEN.has(token.text)) return true;
  if (CLOSE.has(token.text)) return stack.at(-1) === token.text;
  return token.text === '.' || token.text === '?' || (INNER.has(token.text) && stack.length > 0);
}

/** `(e: Event) => void`, `dict[str, int]`, `Array<string>`: the tokens with canonical spacing. */
function toTypeText(tokens: readonly Token[]): string {
  let text = '';
  let previous: Token | undefined;
  for (const token of tokens) {
    const written =
      token.type === 'text' ||
      (token.type === 'chunk' && (token.quote === '"' || token.quote === "'"))
        ? `${token.quote}${token.text}${token.quote}`
        : token.text;
    const tight =
      previous === undefined ||
      (previous.type === 'punct' && ['(', '[', '<', '.'].includes(previous.text)) ||
      (token.type === 'punct' &&
        [')', ']', '>', ',', ':', '.', '?', '[', '<'].includes(token.text)) ||
      (token.type === 'punct' && token.text === '(' && previous.type === 'chunk');
    text += `${tight ? '' : ' '}${written}`;
    previous = token;
  }
  return text;
}
