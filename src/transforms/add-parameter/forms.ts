import { OrchestratorError } from '../../core/errors.js';
import {
  type Captures,
  type CommandForm,
  type KindGrammar,
  kindOf,
  nameOf,
  textOf,
} from '../command-grammar.js';
import type { AddParameterIntent } from './intent.js';

/** The kinds that take parameters. */
const TAKES_PARAMETERS = new Set(['function', 'helper', 'method']);

/** Words of `<det>` that a name-first form must not take for the parameter's name. */
const DETERMINERS = new Set(['a', 'an', 'the', 'another', 'one', 'new', 'extra', 'optional']);

/** add_parameter's command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const ADD_PARAMETER_GRAMMAR: KindGrammar<AddParameterIntent> = {
  kind: 'add_parameter',
  usage: [
    {
      usage: 'add parameter <name>[: <type>][ = <default>] to <function>',
      example: 'add parameter timeout: float = 30.0 to fetch_rows',
    },
    {
      usage: 'add a <name> parameter to <function> with default <value>',
      example: 'add a dry_run parameter to apply_changes with default False',
    },
  ],
  fragments: {
    param:
      'parameter | param | argument | arg | keyword argument | kwarg | positional argument | keyword parameter',
    det: '[(a|an|the|another|one)] [(new|extra|optional|required|keyword-only)]',
    ptype: "':' {type:type} | of type {type:type} | typed {type:type}",
    pdefault: [
      "'=' {default:value}",
      "[(with|having|and)] [(a|the)] default [value] [(of|'='|':'|is)] {default:value}",
      '(defaulting|that defaults|which defaults) to {default:value}',
      "'(' default [(':'|'='|of)] {default:value} ')'",
    ].join(' | '),
    pspec: '[<ptype>] [<pdefault>]',
    pname: '{name:newname} [{optional:qmark}] <pspec>',
    pvalue: [
      "[(and|',')] (pass|passing) {value:value} [(at|from|in|to|for)] [(every|each|all|the|its)] [(call|calls|call site|call sites|caller|callers)]",
      "[(and|with|',')] (callers|call sites) (pass|passing) {value:value}",
      "[(and|',')] with value {value:value}",
    ].join(' | '),
    fn: '[the] [{kind:kind}] {function:symbol}',
  },
  forms: [
    { pattern: 'add <det> <param> <pname> (to|on|for) <fn> [<pdefault>] [<pvalue>]' },
    {
      pattern: 'add <det> <pname> <param> <pspec> (to|on|for) <fn> [<pdefault>] [<pvalue>]',
      tag: 'name-first',
    },
    {
      pattern:
        'add <pname> to [the] (parameters|params|arguments|args|signature) of <fn> [<pdefault>] [<pvalue>]',
    },
    { pattern: 'give <fn> <det> <param> <pname> [<pvalue>]' },
    { pattern: 'give <fn> <det> <pname> <param> <pspec> [<pvalue>]', tag: 'name-first' },
    { pattern: '<fn> should (take|accept|get|have) <det> <param> <pname> [<pvalue>]' },
    {
      pattern: '<fn> should (take|accept|get|have) <det> <pname> <param> <pspec> [<pvalue>]',
      tag: 'name-first',
    },
  ],
  build: buildAddParameter,
  toCommand(intent, quote) {
    const type = intent.type === undefined ? '' : `: ${intent.type}`;
    const initial = intent.default === undefined ? '' : ` = ${intent.default}`;
    const value = intent.value === undefined ? '' : ` passing ${intent.value} at every call site`;
    return `add parameter ${quote(intent.name)}${type}${initial} to ${quote(intent.function)}${value}`;
  },
};

function buildAddParameter(
  captures: Captures,
  form: CommandForm,
): AddParameterIntent | OrchestratorError | undefined {
  const fn = nameOf(captures, 'function');
  const name = nameOf(captures, 'name');
  if (fn === undefined || name === undefined) return undefined;
  if (form.tag === 'name-first' && !name.quoted && DETERMINERS.has(name.text.toLowerCase())) {
    return undefined;
  }
  const kind = kindOf(captures, 'kind');
  if (fn.parts.length > 2 || (kind !== undefined && !TAKES_PARAMETERS.has(kind.head))) {
    const named = kind === undefined ? fn.text : `${kind.words} ${fn.text}`;
    return new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `A parameter is added to a function or a method (<name> or <Class>.<name>), not to "${named}".`,
      { data: { function: fn.text } },
    );
  }
  const optional = (field: 'default' | 'type' | 'value') => {
    const text = textOf(captures, field);
    return text === undefined ? {} : { [field]: text };
  };
  // `retries?: number` is optional: its default is `undefined` unless one is given.
  const initial =
    textOf(captures, 'default') ??
    (textOf(captures, 'optional') === undefined ? undefined : 'undefined');
  return {
    kind: 'add_parameter',
    function: fn.text,
    name: name.text,
    ...(initial === undefined ? {} : { default: initial }),
    ...optional('type'),
    ...optional('value'),
  };
}
