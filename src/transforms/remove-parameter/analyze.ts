import { analyzeSignatureChange } from '../shared/parameters/analyze-signature-change.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import type { RemoveParameterIntent } from './intent.js';

/** What to do about each problem, in remove_parameter's words. */
function hintsFor(intent: RemoveParameterIntent) {
  return {
    'unsupported-target': 'Name a function or a method (`Class.method`).',
    'no-such-parameter':
      "Check the parameter's name (the declaration's parameters are listed above).",
    'uses-parameter': `Change the body so that it no longer uses "${intent.name}" first.`,
    'override-lacks': 'Make the overrides take the same parameters first.',
    'concrete-base': `Remove it from the base method instead (name it as Base.method).`,
    'unknown-position':
      'Change those calls to pass their arguments directly (not through *args or a spread) first.',
    'in-keyword-spread': `Change those calls to pass "${intent.name}" by name first.`,
    'dynamic-use': `Those callers cannot be seen and must pass "${intent.name}" (it has no default): change them by hand first.`,
    variadic: 'Only named parameters are removed.',
    receiver: 'The receiver (self, cls, this) stays.',
  } as const;
}

/**
 * remove_parameter's LOGIC: the function, its family and calls from the language half; refused
 * before anything is written when a body still uses the parameter, an override lacks it, or a
 * call's arguments cannot be matched to it.
 */
export function analyzeRemoveParameter(
  intent: RemoveParameterIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  return analyzeSignatureChange(
    {
      transform: 'remove_parameter',
      function: intent.function,
      name: intent.name,
      args: { mode: 'edit', name: intent.name },
      wording: (target) => ({
        action: `Removing parameter "${intent.name}" from ${intent.function} (${target.file}:${target.line})`,
        hints: hintsFor(intent),
      }),
      title: `Remove parameter ${intent.name} from ${intent.function}`,
      expect: 'absent',
      callsPass: false,
      details: { parameter: intent.name },
      unsafeForUnseen: true,
    },
    context,
  );
}
