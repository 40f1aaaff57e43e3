import { type Captures, type KindGrammar, pathOf } from '../command-grammar.js';
import type { RemoveUnusedImportsIntent } from './intent.js';

/** remove_unused_imports' command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const REMOVE_UNUSED_IMPORTS_GRAMMAR: KindGrammar<RemoveUnusedImportsIntent> = {
  kind: 'remove_unused_imports',
  usage: [{ usage: 'remove unused imports [in <path>]', example: 'remove unused imports in src/' }],
  fragments: {
    verb: 'remove | delete | drop | prune | strip | clean up | cleanup | clean | tidy up | get rid of | eliminate',
    all: '[(all|any)] [(the|of the)]',
    unused: 'unused | unneeded | unnecessary | dead | stale | superfluous | redundant',
    imports: 'imports | import statements | import lines',
    unusedness: [
      "(that|which) (are|is) (unused|not used|never used) | (that|which) (aren't|isn't) used",
      '[(that|which)] (nothing|nobody|no one) uses',
    ].join(' | '),
    where: '<scope> | (from|of|across) [the] [<place>] {scope:path} [<place>]',
  },
  forms: [
    { pattern: '<verb> <all> <unused> <imports> ~ [<where>]' },
    { pattern: '<verb> <all> <imports> <unusedness> ~ [<where>]' },
  ],
  build: buildRemoveUnusedImports,
  toCommand: (intent, quote) =>
    `remove unused imports${intent.scope === undefined ? '' : ` in ${quote(intent.scope)}`}`,
};

function buildRemoveUnusedImports(captures: Captures): RemoveUnusedImportsIntent {
  const scope = pathOf(captures, 'scope');
  return { kind: 'remove_unused_imports', ...(scope === undefined ? {} : { scope }) };
}
