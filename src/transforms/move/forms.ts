import { OrchestratorError } from '../../core/errors.js';
import {
  type Captures,
  type CommandForm,
  type KindGrammar,
  nameOf,
  textOf,
} from '../command-grammar.js';
import type { MoveIntent } from './intent.js';

/** move's command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const MOVE_GRAMMAR: KindGrammar<MoveIntent> = {
  kind: 'move',
  usage: [
    {
      usage: 'move <name> [from <file>] to <file>',
      example: 'move parse_row from app/utils.py to app/parsing.py',
    },
  ],
  fragments: {
    verb: 'move | relocate | transfer',
    what: '[the] [symbol] [{kind:kind}] {symbol:symbol} | [the] {symbol:symbol} {kind:kind}',
    fileword: 'file | module',
    origin: [
      '(from|in|out of) [the] [<fileword>] {from:filepath} [<fileword>]',
      "'(' [(in|from)] {from:filepath} ')'",
    ].join(' | '),
    dest: '[(the|a)] [(new|other)] [<fileword>] {to:filepath} [<fileword>]',
  },
  forms: [
    { pattern: '<verb> <what> [<origin>] (to|into|over to|across to) <dest>' },
    {
      pattern:
        '<verb> <what> (to|into) <dest> (from|out of) [the] [<fileword>] {from:filepath} [<fileword>]',
    },
    { pattern: '<what> [<origin>] should (live|go|be|move) (in|into|to) <dest>' },
    { pattern: '<verb> <what> [<origin>] (to|into) {to:newname}', tag: 'not-a-path' },
  ],
  build: buildMove,
  toCommand(intent, quote) {
    const from = intent.from === undefined ? '' : ` from ${toPathText(intent.from)}`;
    return `move ${quote(intent.symbol)}${from} to ${toPathText(intent.to)}`;
  },
};

function buildMove(
  captures: Captures,
  form: CommandForm,
): MoveIntent | OrchestratorError | undefined {
  const symbol = nameOf(captures, 'symbol');
  if (symbol === undefined) return undefined;
  if (form.tag === 'not-a-path') {
    const to = nameOf(captures, 'to');
    if (to === undefined || to.shape === 'other') return undefined;
    return new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `"${to.text}" is not a file: say where ${symbol.text} goes as a path, e.g. "move ${symbol.text} to app/${to.text}.py" (to rename it, say "rename ${symbol.text} to ${to.text}").`,
      { data: { symbol: symbol.text, to: to.text } },
    );
  }
  const to = textOf(captures, 'to');
  const from = textOf(captures, 'from');
  if (to === undefined || symbol.parts.length > 2) return undefined;
  return { kind: 'move', symbol: symbol.text, ...(from === undefined ? {} : { from }), to };
}

/** A path as the grammar reads it back: `utils` would be a name, `./utils` is a path. */
function toPathText(path: string): string {
  return path.includes('/') || /\.[A-Za-z]+$/.test(path) ? path : `./${path}`;
}
