import { OrchestratorError } from '../../core/errors.js';
import {
  type Captures,
  type KindGrammar,
  kindOf,
  namesOf,
  pathOf,
  type QuoteName,
  textOf,
} from '../command-grammar.js';
import type { MakeAsyncIntent } from './intent.js';
import { toTargetNames, toTargetText } from './target-names.js';

const CONVERT =
  'convert | turn | change | switch | rewrite | refactor | transform | port | migrate';

/** make_async's command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const MAKE_ASYNC_GRAMMAR: KindGrammar<MakeAsyncIntent> = {
  kind: 'make_async',
  usage: [
    {
      usage: 'make <name>[ and <name>…] async',
      example: 'make load_prices and fetch_quotes async',
    },
    { usage: 'make method <Class>.<name> async', example: 'make method Ledger.total async' },
    { usage: 'convert <name> to async', example: 'convert fetchUser to async' },
    { usage: 'make module <path> async', example: 'make module risk/management.py async' },
    {
      usage: 'refactor the <words> module to use async patterns',
      example: 'Refactor the risk management module to use async patterns',
    },
  ],
  fragments: {
    convert: CONVERT,
    functions: '[the] [{kind:kind}] {names:names} [{kind2:kind}]',
    async: [
      'async | asynchronous | async/await | asyncio | coroutine | coroutines | (a|an) coroutine',
      '[(a|an)] (async|asynchronous) (function|functions|method|methods|code|def|defs)',
    ].join(' | '),
    asyncly: '<async> [(patterns|pattern|code|style|calls|io|i/o)] | async and await',
    moduleword: 'module | package',
    fileword: 'module | file | package',
  },
  forms: [
    { pattern: 'make <functions> [into] <async> [<scope>]' },
    { pattern: '<convert> <functions> (to|into) [use] <asyncly> [<scope>]' },
    { pattern: 'asyncify <functions> [<scope>]' },
    { pattern: 'make [the] [<fileword>] {file:filepath} [<fileword>] [into] <async>' },
    {
      pattern:
        '<convert> [the] [<fileword>] {file:filepath} [<fileword>] (to|into) [use] <asyncly>',
    },
    { pattern: 'asyncify [the] [<fileword>] {file:filepath} [<fileword>]' },
    {
      pattern:
        'make [the] ({module:words} <moduleword>|<moduleword> {module:words}) [into] <async>',
    },
    {
      pattern:
        '<convert> [the] ({module:words} <moduleword>|<moduleword> {module:words}) (to|into) [use] <asyncly>',
    },
    { pattern: 'asyncify [the] ({module:words} <moduleword>|<moduleword> {module:words})' },
  ],
  build: buildMakeAsync,
  toCommand: toMakeAsyncCommand,
};

function buildMakeAsync(captures: Captures): MakeAsyncIntent | OrchestratorError | undefined {
  const file = textOf(captures, 'file');
  if (file !== undefined) return { kind: 'make_async', target: file, targetKind: 'path' };
  const module = textOf(captures, 'module');
  if (module !== undefined) return { kind: 'make_async', target: module, targetKind: 'module' };
  const names = namesOf(captures, 'names');
  const kinds = [kindOf(captures, 'kind'), kindOf(captures, 'kind2')].filter(
    (k) => k !== undefined,
  );
  if (names === undefined || kinds.length > 1) return undefined;
  const [kind] = kinds;
  const deep = names.find((name) => name.parts.length > 2);
  if (deep !== undefined) {
    return refuse(
      `"${deep.text}" names a function through more than its class: write <Class>.<name>, or the name with "in <path>".`,
    );
  }
  if (kind?.head === 'class' || kind?.head === 'exception') {
    return refuse(
      `make_async converts functions and methods, not a ${kind.words}: name the functions (make <name> async) or the module (make module <path> async).`,
    );
  }
  const bare = names.find((name) => name.parts.length === 1);
  if (kind?.head === 'method' && bare !== undefined) {
    return refuse(`Name the class of the method: "make method <Class>.${bare.text} async".`);
  }
  const scope = pathOf(captures, 'scope');
  return {
    kind: 'make_async',
    target: toTargetText(names.map((name) => name.text)),
    targetKind: 'symbol',
    ...(scope === undefined ? {} : { scope }),
  };
}

function refuse(message: string): OrchestratorError {
  return new OrchestratorError('INTENT_UNRECOGNISED', message);
}

function toMakeAsyncCommand(intent: MakeAsyncIntent, quote: QuoteName): string {
  switch (intent.targetKind) {
    case 'symbol': {
      const names = toTargetText(toTargetNames(intent.target).map(quote));
      return `make ${names} async${intent.scope === undefined ? '' : ` in ${quote(intent.scope)}`}`;
    }
    case 'path':
      return `make module ${intent.target.includes('/') ? intent.target : `./${intent.target}`} async`;
    case 'module': {
      const plain = intent.target.split(' ').every((word) => quote(word) === word);
      return `refactor the ${plain ? intent.target : JSON.stringify(intent.target)} module to async`;
    }
  }
}
