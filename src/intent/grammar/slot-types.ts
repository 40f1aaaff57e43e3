import type { Capture, NameCapture } from '../../transforms/command-grammar.js';
import { isKindModifier, toKindHead } from './kind-words.js';
import { readTypes, readValue } from './source-text.js';
import type { ChunkToken, Token } from './tokenize.js';

/**
 * The slot types of the form language:
 * - `symbol`: a name or a qualified name (`post_entry`, `Ledger.post`, `Foo::bar`, `time.sleep()`);
 * - `newname`: any one chunk, so a bad new name is refused by name (`9lives`), not misread;
 * - `name`: a plain identifier (a parameter);
 * - `names`: symbols joined by `,` and `and`;
 * - `path`: a workspace path or a bare folder name (`src/users`, `ledger`);
 * - `filepath`: something that is clearly a path (`a/b.py`, `errors.py`, `./x`);
 * - `words`: plain words naming a module (`risk management`), or quoted text;
 * - `kind`: a kind phrase (`function`, `exception class`, `static methods`);
 * - `value`: a source-text literal (`30`, `None`, `"utf-8"`, `[]`, `` `math.pi` ``);
 * - `type`: a type (`int`, `list[str]`, `Array<string>`, `(e: Event) => void`);
 * - `qmark`: a `?` (a TypeScript optional parameter, `retries?: number`).
 */
export const SLOT_TYPES = [
  'symbol',
  'newname',
  'name',
  'names',
  'path',
  'filepath',
  'words',
  'kind',
  'value',
  'type',
  'qmark',
] as const;

export type SlotType = (typeof SLOT_TYPES)[number];

/** One way a slot can be filled at a position: where it ends, and what it captured. */
export interface SlotMatch {
  readonly end: number;
  readonly capture: Capture;
}

export function isSlotType(value: string): value is SlotType {
  return (SLOT_TYPES as readonly string[]).includes(value);
}

/** Unquoted words that never fill a name slot: they are the grammar's own. */
const NOT_A_NAME = new Set(['the', 'everywhere', 'throughout', 'please']);
/** Unquoted words that never fill a path slot. */
const NOT_A_PATH = new Set([
  ...NOT_A_NAME,
  'a',
  'an',
  'this',
  'that',
  'our',
  'my',
  'whole',
  'entire',
  'all',
  'every',
  'each',
  'project',
  'codebase',
  'repo',
  'repository',
  'workspace',
  'file',
  'folder',
  'directory',
  'dir',
  'module',
  'package',
]);

/** Every way the slot can be filled at `at` (none when it cannot). */
export function matchSlot(type: SlotType, tokens: readonly Token[], at: number): SlotMatch[] {
  switch (type) {
    case 'symbol':
      return matchName(tokens, at, isSymbol, true);
    case 'newname':
      return matchName(tokens, at, () => true, false);
    case 'name':
      return matchName(tokens, at, (t) => t.shape === 'identifier', false).filter(
        (m) => m.end === at + 1,
      );
    case 'names':
      return matchNames(tokens, at);
    case 'path':
      return matchPath(tokens, at, () => true);
    case 'filepath':
      return matchPath(tokens, at, (t) => t.shape === 'path').filter(
        (m) => m.capture.type === 'text' && m.capture.text !== '',
      );
    case 'words':
      return matchWords(tokens, at);
    case 'kind':
      return matchKind(tokens, at);
    case 'value':
      return toTextMatch(readValue(tokens, at));
    case 'type':
      return readTypes(tokens, at).map((read) => ({
        end: read.end,
        capture: { type: 'text', text: read.text },
      }));
    case 'qmark':
      return tokens[at]?.type === 'punct' && tokens[at]?.text === '?'
        ? [{ end: at + 1, capture: { type: 'text', text: '?' } }]
        : [];
  }
}

function chunkAt(tokens: readonly Token[], at: number): ChunkToken | undefined {
  const token = tokens[at];
  return token?.type === 'chunk' ? token : undefined;
}

const isSymbol = (token: ChunkToken): boolean =>
  token.shape === 'identifier' || token.shape === 'qualified';

function matchName(
  tokens: readonly Token[],
  at: number,
  accepts: (token: ChunkToken) => boolean,
  marksKindWords: boolean,
): SlotMatch[] {
  const token = chunkAt(tokens, at);
  if (token === undefined || !accepts(token)) return [];
  if (token.quote === undefined && NOT_A_NAME.has(token.lower)) return [];
  const readsAsKind =
    marksKindWords &&
    token.quote === undefined &&
    toKindHead(token.lower) !== undefined &&
    isKindWord(tokens[at - 1]);
  const matches: SlotMatch[] = [{ end: at + 1, capture: toName(token, false, readsAsKind) }];
  if (tokens[at + 1]?.text === '(' && tokens[at + 2]?.text === ')') {
    matches.push({ end: at + 3, capture: toName(token, true, readsAsKind) });
  }
  return matches;
}

/** An unquoted word of the kind vocabulary (`function`, `static`). */
function isKindWord(token: Token | undefined): boolean {
  return (
    token?.type === 'chunk' &&
    token.quote === undefined &&
    (toKindHead(token.lower) !== undefined || isKindModifier(token.lower))
  );
}

function toName(token: ChunkToken, call: boolean, readsAsKind: boolean): NameCapture {
  const qualified = token.shape === 'qualified';
  const parts = qualified ? token.text.split(/\.|::/) : [token.text];
  return {
    type: 'name',
    text: parts.join('.'),
    parts,
    quoted: token.quote !== undefined,
    call,
    readsAsKind,
    shape: qualified ? 'qualified' : token.shape === 'identifier' ? 'identifier' : 'other',
  };
}

function matchNames(tokens: readonly Token[], at: number): SlotMatch[] {
  const matches: SlotMatch[] = [];
  const names: NameCapture[] = [];
  let next = at;
  for (;;) {
    const found = matchName(tokens, next, isSymbol, true);
    const first = found[0];
    if (first === undefined) break;
    names.push(first.capture as NameCapture);
    next = first.end;
    matches.push({ end: next, capture: { type: 'names', names: [...names] } });
    const separator = [tokens[next]?.text, tokens[next + 1]?.text];
    if (separator[0] === ',' && separator[1]?.toLowerCase() === 'and') next += 2;
    else if (separator[0] === ',' || isWord(tokens[next], 'and')) next += 1;
    else break;
  }
  return matches;
}

function matchPath(
  tokens: readonly Token[],
  at: number,
  accepts: (token: ChunkToken) => boolean,
): SlotMatch[] {
  const dot = tokens[at];
  // `in .` is the whole workspace: an empty path, which a grammar reads as no scope.
  if (dot?.type === 'punct' && dot.text === '.') return [{ end: at + 1, capture: EMPTY_PATH }];
  const token = chunkAt(tokens, at);
  if (token === undefined || token.shape === 'other' || !accepts(token)) return [];
  if (token.quote === undefined && NOT_A_PATH.has(token.lower)) return [];
  return [{ end: at + 1, capture: { type: 'text', text: toWorkspacePath(token.text) } }];
}

const EMPTY_PATH = { type: 'text', text: '' } as const;

/** `./ledger/` → `ledger`; `.` and `./` → `` (the workspace). */
export function toWorkspacePath(text: string): string {
  let path = text;
  while (path.startsWith('./')) path = path.slice(2);
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path === '.' ? '' : path;
}

function matchWords(tokens: readonly Token[], at: number): SlotMatch[] {
  const first = tokens[at];
  if (first?.type === 'text' || (first?.type === 'chunk' && first.quote !== undefined)) {
    return [{ end: at + 1, capture: { type: 'text', text: first.text } }];
  }
  const matches: SlotMatch[] = [];
  const words: string[] = [];
  for (let next = at; ; next += 1) {
    const token = chunkAt(tokens, next);
    if (token === undefined || token.quote !== undefined) break;
    if (token.shape !== 'identifier' && token.shape !== 'word') break;
    if (NOT_A_NAME.has(token.lower)) break;
    words.push(token.text);
    matches.push({ end: next + 1, capture: { type: 'text', text: words.join(' ') } });
  }
  return matches;
}

function matchKind(tokens: readonly Token[], at: number): SlotMatch[] {
  const matches: SlotMatch[] = [];
  const words: string[] = [];
  for (let next = at; next < at + 3; next += 1) {
    const token = chunkAt(tokens, next);
    if (token === undefined || token.quote !== undefined) break;
    const head = toKindHead(token.lower);
    if (head === undefined && !isKindModifier(token.lower)) break;
    words.push(token.lower);
    if (head !== undefined) {
      matches.push({ end: next + 1, capture: { type: 'kind', ...head, words: words.join(' ') } });
    }
  }
  return matches;
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.type === 'chunk' && token.quote === undefined && token.lower === word;
}

function toTextMatch(read: { end: number; text: string } | undefined): SlotMatch[] {
  return read === undefined ? [] : [{ end: read.end, capture: { type: 'text', text: read.text } }];
}
