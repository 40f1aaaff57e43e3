import type { KindHead } from '../../transforms/command-grammar.js';

/** Words that name a kind of symbol, and the kind they name. */
const HEADS: Readonly<Record<string, { head: KindHead; plural: boolean }>> = {
  function: { head: 'function', plural: false },
  functions: { head: 'function', plural: true },
  func: { head: 'function', plural: false },
  fn: { head: 'function', plural: false },
  def: { head: 'function', plural: false },
  helper: { head: 'helper', plural: false },
  helpers: { head: 'helper', plural: true },
  class: { head: 'class', plural: false },
  classes: { head: 'class', plural: true },
  exception: { head: 'exception', plural: false },
  exceptions: { head: 'exception', plural: true },
  method: { head: 'method', plural: false },
  methods: { head: 'method', plural: true },
  variable: { head: 'variable', plural: false },
  variables: { head: 'variable', plural: true },
  var: { head: 'variable', plural: false },
  constant: { head: 'constant', plural: false },
  constants: { head: 'constant', plural: true },
  const: { head: 'constant', plural: false },
};

/** Words that may come before a kind word and change nothing: `static method`, `error class`. */
const MODIFIERS = new Set([
  'abstract',
  'async',
  'error',
  'exported',
  'global',
  'instance',
  'internal',
  'local',
  'module-level',
  'private',
  'protected',
  'public',
  'static',
  'top-level',
  'utility',
]);

/** The kind a word names, or undefined. */
export function toKindHead(word: string): { head: KindHead; plural: boolean } | undefined {
  return Object.hasOwn(HEADS, word) ? HEADS[word] : undefined;
}

/** True for a word that may come before a kind word. */
export function isKindModifier(word: string): boolean {
  return MODIFIERS.has(word);
}

/** Every word of the kind vocabulary (for quoting names that would read as one). */
export const KIND_VOCABULARY: readonly string[] = [...Object.keys(HEADS), ...MODIFIERS];
