import type { VerifyCheck } from '../../core/change/verify-types.js';
import { toFunctionQuery } from '../shared/parameters/resolve-function.js';
import {
  parameterSignatureCheckSchema,
  verifyParameterSignature,
} from '../shared/parameters/verify-signature.js';
import type { Transform } from '../transform.js';
import { analyzeAddParameter } from './analyze.js';
import { checkAddParameterChange } from './check-change.js';
import { type AddParameterIntent, addParameterIntentSchema } from './intent.js';
import { validateAddParameterIntent } from './validate-intent.js';

const lastName = (written: string): string => written.slice(written.lastIndexOf('.') + 1);

/** add_parameter: a function (its overrides and interface members too) takes one more parameter. */
export const addParameterTransform: Transform<AddParameterIntent> = {
  kind: 'add_parameter',
  intentSchema: addParameterIntentSchema,
  verifySchema: parameterSignatureCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateAddParameterIntent,
  search: (intent) => ({
    words: [lastName(intent.function)],
    declarations: [lastName(intent.function)],
    files: [],
    symbols: [toFunctionQuery(intent.function)],
  }),
  analyze: analyzeAddParameter,
  checkChange: checkAddParameterChange,
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(
        ...(await verifyParameterSignature(parameterSignatureCheckSchema.parse(check), context)),
      );
    }
    return problems;
  },
  branchHint: (intent) => `add parameter ${intent.name} to ${intent.function}`,
};

export type { AddParameterIntent } from './intent.js';
