import type { VerifyCheck } from '../../core/change/verify-types.js';
import type { Transform } from '../transform.js';
import { analyzeMove } from './analyze.js';
import { checkMoveChange } from './check-change.js';
import { type MoveIntent, moveIntentSchema } from './intent.js';
import { toMovedQuery } from './named.js';
import { validateMoveIntent } from './validate-intent.js';
import { movedDeclarationsCheckSchema, verifyMovedDeclarations } from './verify.js';

/** move: a module-level declaration moves to another module, and its importers follow. */
export const moveTransform: Transform<MoveIntent> = {
  kind: 'move',
  intentSchema: moveIntentSchema,
  verifySchema: movedDeclarationsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateMoveIntent,
  search: (intent) => ({
    words: [intent.symbol],
    declarations: [intent.symbol],
    files: [],
    symbols: [toMovedQuery(intent)],
  }),
  analyze: analyzeMove,
  checkChange: checkMoveChange,
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(
        ...(await verifyMovedDeclarations(movedDeclarationsCheckSchema.parse(check), context)),
      );
    }
    return problems;
  },
  branchHint: (intent) => `move ${intent.symbol} to ${intent.to}`,
};

export type { MoveIntent } from './intent.js';
