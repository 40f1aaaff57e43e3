import { analyzeSignatureChange } from '../shared/parameters/analyze-signature-change.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import type { AddParameterIntent } from './intent.js';

/** What to do about each problem, in add_parameter's words. */
function hintsFor(intent: AddParameterIntent) {
  const withDefault = `give "${intent.name}" a default ("add parameter ${intent.name}=<default> to ${intent.function}")`;
  return {
    'unsupported-target': 'Name a function or a method (`Class.method`).',
    'already-a-parameter': 'Pick another name; the parameter exists already.',
    'shadows-a-name': 'Pick another name, or rename what the body calls that first.',
    'keyword-passed': 'Pick another name, or stop those calls passing it first.',
    'bad-text':
      'Write the default, type and value as source code of the language (strings in quotes).',
    'needs-a-type': `Say its type: "add parameter ${intent.name}: <type>${intent.default === undefined ? '' : ` = ${intent.default}`} to ${intent.function}".`,
    'positional-only-default': `Give "${intent.name}" a default.`,
    'concrete-base': `Add it to the base method instead (name it as Base.method), or ${withDefault}.`,
    'unknown-position': `${withDefault[0]?.toUpperCase()}${withDefault.slice(1)}, or change those calls to pass their arguments directly first.`,
    'generator-argument': 'Put the generator expression in parentheses first.',
    'dynamic-use': `Those callers cannot be seen, so they would not pass "${intent.name}": ${withDefault}.`,
  } as const;
}

/**
 * add_parameter's LOGIC: the function, its family and calls from the language half; refused
 * before anything is written when the name is taken, a text is not code, or a caller could not
 * pass the value.
 */
export function analyzeAddParameter(
  intent: AddParameterIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const shown = `${intent.name}${intent.type === undefined ? '' : `: ${intent.type}`}${intent.default === undefined ? '' : ` = ${intent.default}`}`;
  return analyzeSignatureChange(
    {
      transform: 'add_parameter',
      function: intent.function,
      name: intent.name,
      args: {
        mode: 'edit',
        name: intent.name,
        ...(intent.default === undefined ? {} : { default: intent.default }),
        ...(intent.type === undefined ? {} : { type: intent.type }),
        ...(intent.value === undefined ? {} : { value: intent.value }),
      },
      wording: (target) => ({
        action: `Adding parameter "${intent.name}" to ${intent.function} (${target.file}:${target.line})`,
        hints: hintsFor(intent),
      }),
      title: `Add parameter ${intent.name} to ${intent.function}`,
      expect: 'present',
      callsPass: intent.value !== undefined,
      details: { parameter: shown, ...(intent.value === undefined ? {} : { value: intent.value }) },
      unsafeForUnseen: intent.default === undefined,
    },
    context,
  );
}
