import { OrchestratorError } from '../../core/errors.js';
import type { ConvertFacts, DeclinedFunction, DeclineReason } from './contract.js';
import type { ConvertPromisesIntent } from './intent.js';

/** What each reason means, for refusals and summaries. */
export const DECLINE_DETAILS: Readonly<Record<DeclineReason, string>> = {
  'not-a-function': 'it is not a function',
  'already-async': 'it is async already',
  generator: 'it is a generator',
  'expression-body':
    'it is an arrow function with an expression body (TypeScript converts only a block body: write `{ return …; }`)',
  'no-chain': 'it calls no .then/.catch/.finally',
  'chain-not-returned':
    'its .then/.catch chain is not returned (TypeScript converts only a returned chain)',
  'not-a-promise':
    'the checker does not see a Promise where its chain starts (in JavaScript: install @types/node for node APIs, or add a JSDoc `@returns {Promise<…>}`)',
  'unsupported-chain':
    'its chain has a shape TypeScript does not convert (e.g. `.then(onFulfilled, onRejected)`, or a callback that is neither a function nor a name)',
  finally:
    "its chain calls .finally, which TypeScript's convertToAsyncFunction gets wrong (it drops a named callback, returns an expression callback's value from the finally block, and types a value awaited before .finally as never); convert it by hand",
  'fix-declined':
    'TypeScript suggests converting it, but its convertToAsyncFunction fix declines (e.g. a callback that returns from inside a nested block before the chain goes on)',
};

/** `load (src/api.ts:3): it is async already` */
export function describeDeclined(d: DeclinedFunction): string {
  const what =
    d.reason === 'not-a-function' && d.detail ? `it is ${d.detail}` : DECLINE_DETAILS[d.reason];
  return `${d.name} (${d.file}:${d.line}): ${what}`;
}

/**
 * Refuses, before anything is written, a conversion that converts nothing: the function form's
 * function with the reason TypeScript does not convert it (`BAD_INPUT` when it is not a
 * function, else `NOTHING_TO_DO`), the path form's files with the functions that call
 * `.then`/`.catch` there and why each is left.
 */
export function refuseNothingConverted(intent: ConvertPromisesIntent, facts: ConvertFacts): void {
  if (facts.converted.length > 0) return;
  if (intent.targetKind === 'symbol') {
    const [declined] = facts.declined;
    if (declined?.reason === 'not-a-function') {
      throw new OrchestratorError(
        'BAD_INPUT',
        `${declined.name} at ${declined.file}:${declined.line} is not a function (it is ${declined.detail ?? 'something else'}), so it has no promise chain to convert. Name a function or method.`,
        { data: { symbol: intent.target, file: declined.file, line: declined.line } },
      );
    }
    const what =
      declined === undefined
        ? `${intent.target}: TypeScript converts nothing there`
        : describeDeclined(declined);
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `No promise chain to convert to async/await in ${what}. Nothing was changed.`,
      { data: { symbol: intent.target, reason: declined?.reason ?? null } },
    );
  }
  const looked = facts.examined.length > 0 ? facts.examined : facts.skipped;
  const shown =
    looked.length > 5
      ? `${looked.slice(0, 5).join(', ')} and ${looked.length - 5} more`
      : looked.join(', ');
  const lines = facts.declined.slice(0, 10).map((d) => `  ${describeDeclined(d)}`);
  const more = facts.declined.length > 10 ? [`  … and ${facts.declined.length - 10} more`] : [];
  const skipped =
    facts.skipped.length > 0 ? ` (TypeScript does not load ${facts.skipped.join(', ')})` : '';
  throw new OrchestratorError(
    'NOTHING_TO_DO',
    [
      `No .then/.catch chain in ${shown}${skipped} can be converted to async/await: TypeScript suggests convertToAsyncFunction for no function there (it converts a function whose block body returns a .then/.catch chain on a value the checker types as a Promise).`,
      ...(lines.length > 0
        ? ['Functions that call .then/.catch and why each is left:', ...lines, ...more]
        : []),
      'Nothing was changed.',
    ].join('\n'),
    { data: { files: looked, declined: facts.declined.map(describeDeclined) } },
  );
}
