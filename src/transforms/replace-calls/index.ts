import type { VerifyCheck } from '../../core/change/verify-types.js';
import { verifyWordPositions, wordPositionsCheckSchema } from '../rename/word-positions.js';
import type { Transform } from '../transform.js';
import { analyzeReplaceCalls } from './analyze.js';
import { checkReplaceCallsChange } from './check-change.js';
import { type ReplaceCallsIntent, replaceCallsIntentSchema } from './intent.js';
import { splitDotted } from './split-dotted.js';
import { validateReplaceCallsIntent } from './validate-intent.js';

/** replace_calls: every resolved call of one function calls another instead. */
export const replaceCallsTransform: Transform<ReplaceCallsIntent> = {
  kind: 'replace_calls',
  intentSchema: replaceCallsIntentSchema,
  verifySchema: wordPositionsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateReplaceCallsIntent,
  search(intent) {
    const names = [...new Set([splitDotted(intent.from).name, splitDotted(intent.to).name])];
    return { words: names, declarations: names, files: [] };
  },
  analyze: analyzeReplaceCalls,
  checkChange: checkReplaceCallsChange,
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(...(await verifyWordPositions(wordPositionsCheckSchema.parse(check), context)));
    }
    return problems;
  },
  branchHint: (intent) => `replace calls to ${intent.from} with ${intent.to}`,
};

export type { ReplaceCallsIntent } from './intent.js';
