import type { VerifyCheck } from '../../core/change/verify-types.js';
import type { Transform } from '../transform.js';
import { analyzeConvertPromises } from './analyze.js';
import { checkConvertPromisesChange } from './check-change.js';
import { type ConvertPromisesIntent, convertPromisesIntentSchema } from './intent.js';
import { resolveFiles } from './resolve-files.js';
import { validateConvertPromisesIntent } from './validate-intent.js';
import { convertedFunctionsCheckSchema, verifyConvertedFunctions } from './verify.js';

/** convert_promises: `.then`/`.catch` chains become async/await by TypeScript's own code fix. */
export const convertPromisesTransform: Transform<ConvertPromisesIntent> = {
  kind: 'convert_promises',
  intentSchema: convertPromisesIntentSchema,
  verifySchema: convertedFunctionsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateConvertPromisesIntent,
  search(intent, { trackedFiles }) {
    if (intent.targetKind === 'path') {
      return { words: [], declarations: [], files: resolveFiles(intent.target, trackedFiles) };
    }
    const name = intent.target.slice(intent.target.lastIndexOf('.') + 1);
    return { words: [name], declarations: [name], files: [] };
  },
  analyze: analyzeConvertPromises,
  checkChange: (_intent, change) => checkConvertPromisesChange(change),
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(
        ...(await verifyConvertedFunctions(convertedFunctionsCheckSchema.parse(check), context)),
      );
    }
    return problems;
  },
  branchHint: (intent) => `convert ${intent.target} to async await`,
};

export type { ConvertPromisesIntent } from './intent.js';
