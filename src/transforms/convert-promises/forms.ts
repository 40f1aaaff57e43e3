import {
  type Captures,
  type CommandForm,
  type KindGrammar,
  kindOf,
  textOf,
} from '../command-grammar.js';
import type { ConvertPromisesIntent } from './intent.js';

/**
 * convert_promises' command forms (the form language: `src/intent/grammar/compile-pattern.ts`).
 * Each names the chains (`promise chains`, `.then/.catch chains`), so `convert <name> to
 * async/await` stays make_async's: a plain function becomes a coroutine there.
 */
export const CONVERT_PROMISES_GRAMMAR: KindGrammar<ConvertPromisesIntent> = {
  kind: 'convert_promises',
  usage: [
    {
      usage: 'convert promise chains to async/await in <path>',
      example: 'convert promise chains to async/await in src/api.ts',
    },
    {
      usage: 'convert promise chains to async/await in <function>',
      example: 'convert promise chains to async/await in loadUser',
    },
  ],
  fragments: {
    verb: 'convert | rewrite | refactor | turn | change | migrate | port',
    chains: [
      '[(all|any)] [the] (promise|promises) [(chains|chain|code)]',
      '[(all|any)] [the] (.then/.catch|then/catch|.then|then) [(chains|chain|calls)]',
      '[(all|any)] [the] .then and .catch [(chains|chain|calls)]',
    ].join(' | '),
    awaits: 'async/await | async-await | async await | async and await',
    target: [
      '{file:filepath}',
      '[the] (file|folder|directory|dir|module|package) {dir:path}',
      '[the] [{kind:kind}] {name:symbol}',
    ].join(' | '),
  },
  forms: [
    { pattern: '<verb> <chains> (to|into) [use] <awaits> (in|of|inside) <target>' },
    { pattern: '<verb> <chains> (in|of|inside) <target> (to|into) [use] <awaits>' },
    { pattern: '<verb> <chains> (to|into) [use] <awaits> [in] ~', tag: 'everywhere' },
  ],
  build: buildConvertPromises,
  toCommand: (intent, quote) =>
    intent.targetKind === 'path'
      ? intent.target === '.'
        ? 'convert promise chains to async/await'
        : `convert promise chains to async/await in ${intent.target.includes('/') ? intent.target : `./${intent.target}`}`
      : `convert promise chains to async/await in ${quote(intent.target)}${intent.scope === undefined ? '' : ` in ${quote(intent.scope)}`}`,
};

function buildConvertPromises(
  captures: Captures,
  form: CommandForm,
): ConvertPromisesIntent | undefined {
  if (form.tag === 'everywhere')
    return { kind: 'convert_promises', target: '.', targetKind: 'path' };
  const path = textOf(captures, 'file') ?? textOf(captures, 'dir');
  if (path !== undefined) {
    return { kind: 'convert_promises', target: toCleanPath(path), targetKind: 'path' };
  }
  const name = textOf(captures, 'name');
  const kind = kindOf(captures, 'kind');
  if (name === undefined) return undefined;
  if (kind !== undefined && kind.head !== 'function' && kind.head !== 'method') return undefined;
  return { kind: 'convert_promises', target: name, targetKind: 'symbol' };
}

/** `./src/` → `src`; `.` and the empty path (the whole workspace) → `.`. */
export function toCleanPath(text: string): string {
  const clean = text.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return clean === '' ? '.' : clean;
}
