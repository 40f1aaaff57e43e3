import { OrchestratorError } from '../../core/errors.js';
import {
  type Captures,
  type CommandForm,
  type KindGrammar,
  kindOf,
  nameOf,
} from '../command-grammar.js';
import type { RemoveParameterIntent } from './intent.js';

/** The kinds that take parameters. */
const TAKES_PARAMETERS = new Set(['function', 'helper', 'method']);

/** Words a name-first form must not take for the parameter's name. */
const DETERMINERS = new Set(['a', 'an', 'the', 'unused', 'extra', 'unneeded', 'obsolete', 'old']);

/** remove_parameter's command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const REMOVE_PARAMETER_GRAMMAR: KindGrammar<RemoveParameterIntent> = {
  kind: 'remove_parameter',
  usage: [
    {
      usage: 'remove parameter <name> from <function>',
      example: 'remove parameter verbose from load_rows',
    },
  ],
  fragments: {
    verb: 'remove | drop | delete | eliminate | get rid of | take out',
    param: 'parameter | param | argument | arg | keyword argument | kwarg',
    which: '[the] [(unused|extra|unneeded|obsolete|old)]',
    fn: '[the] [{kind:kind}] {function:symbol}',
  },
  forms: [
    { pattern: '<verb> <which> <param> {name:name} (from|of|in|on) <fn>' },
    { pattern: '<verb> <which> {name:name} <param> (from|of|in|on) <fn>', tag: 'name-first' },
    {
      pattern:
        '<fn> should no longer (take|accept|need|have|get) [(a|an|the)] [<param>] {name:name} [<param>]',
    },
  ],
  build: buildRemoveParameter,
  toCommand: (intent, quote) =>
    `remove parameter ${quote(intent.name)} from ${quote(intent.function)}`,
};

function buildRemoveParameter(
  captures: Captures,
  form: CommandForm,
): RemoveParameterIntent | OrchestratorError | undefined {
  const fn = nameOf(captures, 'function');
  const name = nameOf(captures, 'name');
  if (fn === undefined || name === undefined) return undefined;
  if (form.tag === 'name-first' && !name.quoted && DETERMINERS.has(name.text.toLowerCase())) {
    return undefined;
  }
  const kind = kindOf(captures, 'kind');
  if (fn.parts.length > 2 || (kind !== undefined && !TAKES_PARAMETERS.has(kind.head))) {
    return new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `A parameter is removed from a function or a method (<name> or <Class>.<name>), not from "${fn.text}".`,
      { data: { function: fn.text } },
    );
  }
  return { kind: 'remove_parameter', function: fn.text, name: name.text };
}
