import type { PatternNode } from './pattern-ast.js';
import { isSlotType } from './slot-types.js';

/**
 * The form language, one pattern per way of saying a command:
 *
 * | written          | matches                                                             |
 * | ---------------- | ------------------------------------------------------------------- |
 * | `rename`         | the word, any case, unquoted (`.then` too: a leading dot is part of it) |
 * | `->`             | any arrow: `->`, `=>`, `→`                                         |
 * | `'('`            | one punctuation character                                           |
 * | `(a\|b c)`       | one of the alternatives                                             |
 * | `[a]`            | optionally `a` (alternatives allowed inside)                        |
 * | `{old:symbol}`   | a slot of a type (`slot-types.ts`), captured as `old`; `{path}` is `{path:path}` |
 * | `<scope>`        | a named fragment: the grammar's own, or a built-in (`fragments.ts`) |
 * | `~`              | any filler phrases (`everywhere`, `in the whole project`, …)        |
 *
 * Every pattern may be preceded by politeness (`please`, `could you`, `let's`) and followed by
 * filler and sentence punctuation; the engine adds those. A pattern that does not compile is a
 * bug: the compiler throws.
 */
export function compilePatterns(
  patterns: readonly string[],
  fragments: Readonly<Record<string, string>>,
): PatternNode[] {
  const compiler = new PatternCompiler(fragments);
  return patterns.map((pattern) => compiler.compile(pattern, []));
}

const LEXEME = /\s*(->|'[^']'|[()[\]|~]|\{[^}]*\}|<[^>]*>|\.?[a-z0-9][a-z0-9'/._-]*)/y;

class PatternCompiler {
  readonly #fragments: Readonly<Record<string, string>>;
  readonly #compiled = new Map<string, PatternNode>();

  constructor(fragments: Readonly<Record<string, string>>) {
    this.#fragments = fragments;
  }

  compile(pattern: string, stack: readonly string[]): PatternNode {
    const lexemes = lex(pattern);
    const reader = { lexemes, at: 0 };
    const node = this.#alt(reader, stack, pattern);
    if (reader.at < lexemes.length) {
      throw new Error(`Pattern ${JSON.stringify(pattern)}: unexpected "${lexemes[reader.at]}".`);
    }
    return node;
  }

  #alt(reader: Reader, stack: readonly string[], pattern: string): PatternNode {
    const options = [this.#seq(reader, stack, pattern)];
    while (reader.lexemes[reader.at] === '|') {
      reader.at += 1;
      options.push(this.#seq(reader, stack, pattern));
    }
    return options.length === 1 ? (options[0] as PatternNode) : { type: 'alt', options };
  }

  #seq(reader: Reader, stack: readonly string[], pattern: string): PatternNode {
    const items: PatternNode[] = [];
    for (;;) {
      const lexeme = reader.lexemes[reader.at];
      if (lexeme === undefined || lexeme === '|' || lexeme === ')' || lexeme === ']') break;
      reader.at += 1;
      items.push(this.#item(lexeme, reader, stack, pattern));
    }
    return items.length === 1 ? (items[0] as PatternNode) : { type: 'seq', items };
  }

  #item(lexeme: string, reader: Reader, stack: readonly string[], pattern: string): PatternNode {
    if (lexeme === '(' || lexeme === '[') {
      const inner = this.#alt(reader, stack, pattern);
      const close = lexeme === '(' ? ')' : ']';
      if (reader.lexemes[reader.at] !== close) {
        throw new Error(`Pattern ${JSON.stringify(pattern)}: "${lexeme}" is not closed.`);
      }
      reader.at += 1;
      return lexeme === '(' ? inner : { type: 'optional', node: inner };
    }
    if (lexeme === '->') return { type: 'arrow' };
    if (lexeme === '~')
      return { type: 'repeat', node: this.#fragment('filler', stack), silent: true };
    if (lexeme.startsWith("'")) return { type: 'punct', char: lexeme.slice(1, -1) };
    if (lexeme.startsWith('{')) return toSlot(lexeme, pattern);
    if (lexeme.startsWith('<')) return this.#fragment(lexeme.slice(1, -1), stack);
    return { type: 'word', word: lexeme };
  }

  #fragment(name: string, stack: readonly string[]): PatternNode {
    const cached = this.#compiled.get(name);
    if (cached !== undefined) return cached;
    const text = this.#fragments[name];
    if (text === undefined) throw new Error(`Pattern fragment <${name}> is not defined.`);
    if (stack.includes(name)) throw new Error(`Pattern fragment <${name}> refers to itself.`);
    const node = this.compile(text, [...stack, name]);
    this.#compiled.set(name, node);
    return node;
  }
}

interface Reader {
  readonly lexemes: readonly string[];
  at: number;
}

function lex(pattern: string): string[] {
  const lexemes: string[] = [];
  LEXEME.lastIndex = 0;
  while (LEXEME.lastIndex < pattern.length) {
    if (/^\s*$/.test(pattern.slice(LEXEME.lastIndex))) break;
    const at = LEXEME.lastIndex;
    const match = LEXEME.exec(pattern);
    if (match === null) {
      throw new Error(
        `Pattern ${JSON.stringify(pattern)}: cannot read from "${pattern.slice(at)}".`,
      );
    }
    lexemes.push(match[1] as string);
  }
  return lexemes;
}

function toSlot(lexeme: string, pattern: string): PatternNode {
  const [name = '', type = name] = lexeme.slice(1, -1).split(':');
  if (!/^[a-z][\w]*$/i.test(name) || !isSlotType(type)) {
    throw new Error(`Pattern ${JSON.stringify(pattern)}: bad slot ${lexeme}.`);
  }
  return { type: 'slot', name, slot: type };
}
