import type { IntentBase } from '../../core/intent.js';
import type { CommandForm, KindGrammar } from '../../transforms/command-grammar.js';
import { compilePatterns } from './compile-pattern.js';
import { BUILT_IN_FRAGMENTS } from './fragments.js';
import { KIND_VOCABULARY } from './kind-words.js';
import type { PatternNode } from './pattern-ast.js';

/** One form, ready to match: politeness before, filler and punctuation after. */
export interface CompiledForm {
  readonly grammar: KindGrammar<IntentBase>;
  readonly form: CommandForm;
  readonly node: PatternNode;
}

/** Every kind's forms, compiled, in the order they are tried; and the grammar's own words. */
export interface CompiledGrammars {
  readonly forms: readonly CompiledForm[];
  /** Literal words of every pattern and the kind words: names spelled so get quoted. */
  readonly words: ReadonlySet<string>;
}

/** Compiles every grammar's forms (a pattern that does not compile throws: a bug). */
export function compileGrammars(grammars: readonly KindGrammar<IntentBase>[]): CompiledGrammars {
  const forms: CompiledForm[] = [];
  const words = new Set<string>(KIND_VOCABULARY);
  for (const grammar of grammars) {
    for (const name of Object.keys(grammar.fragments ?? {})) {
      if (Object.hasOwn(BUILT_IN_FRAGMENTS, name)) {
        throw new Error(`The ${grammar.kind} grammar redefines the built-in fragment <${name}>.`);
      }
    }
    const fragments = { ...BUILT_IN_FRAGMENTS, ...grammar.fragments };
    const [lead, tail, ...nodes] = compilePatterns(
      ['<lead>', "<filler> | '.' | '!' | '?'", ...grammar.forms.map((form) => form.pattern)],
      fragments,
    ) as [PatternNode, PatternNode, ...PatternNode[]];
    grammar.forms.forEach((form, index) => {
      const node = nodes[index] as PatternNode;
      collectWords(node, words);
      forms.push({
        grammar,
        form,
        node: {
          type: 'seq',
          items: [
            { type: 'repeat', node: lead, silent: true },
            node,
            { type: 'repeat', node: tail, silent: true },
          ],
        },
      });
    });
  }
  return { forms, words };
}

function collectWords(node: PatternNode, words: Set<string>): void {
  switch (node.type) {
    case 'word':
      words.add(node.word);
      return;
    case 'seq':
      for (const item of node.items) collectWords(item, words);
      return;
    case 'alt':
      for (const option of node.options) collectWords(option, words);
      return;
    case 'optional':
    case 'repeat':
      collectWords(node.node, words);
      return;
    default:
      return;
  }
}
