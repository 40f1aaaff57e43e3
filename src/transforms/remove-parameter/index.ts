import type { VerifyCheck } from '../../core/change/verify-types.js';
import { toFunctionQuery } from '../shared/parameters/resolve-function.js';
import {
  parameterSignatureCheckSchema,
  verifyParameterSignature,
} from '../shared/parameters/verify-signature.js';
import type { Transform } from '../transform.js';
import { analyzeRemoveParameter } from './analyze.js';
import { checkRemoveParameterChange } from './check-change.js';
import { type RemoveParameterIntent, removeParameterIntentSchema } from './intent.js';
import { validateRemoveParameterIntent } from './validate-intent.js';

const lastName = (written: string): string => written.slice(written.lastIndexOf('.') + 1);

/** remove_parameter: a function (its overrides and interface members too) and its calls lose a parameter. */
export const removeParameterTransform: Transform<RemoveParameterIntent> = {
  kind: 'remove_parameter',
  intentSchema: removeParameterIntentSchema,
  verifySchema: parameterSignatureCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateRemoveParameterIntent,
  search: (intent) => ({
    words: [lastName(intent.function)],
    declarations: [lastName(intent.function)],
    files: [],
    symbols: [toFunctionQuery(intent.function)],
  }),
  analyze: analyzeRemoveParameter,
  checkChange: checkRemoveParameterChange,
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(
        ...(await verifyParameterSignature(parameterSignatureCheckSchema.parse(check), context)),
      );
    }
    return problems;
  },
  branchHint: (intent) => `remove parameter ${intent.name} from ${intent.function}`,
};

export type { RemoveParameterIntent } from './intent.js';
