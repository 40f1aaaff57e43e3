import type { VerifyCheck } from '../../core/change/verify-types.js';
import type { Transform } from '../transform.js';
import { analyzeRename } from './analyze.js';
import { checkRenameChange } from './check-change.js';
import { type RenameIntent, renameIntentSchema } from './intent.js';
import { toSymbolQuery } from './symbol-query.js';
import { validateRenameIntent } from './validate-intent.js';
import { verifyWordPositions, wordPositionsCheckSchema } from './word-positions.js';

/** rename: a symbol gets a new name wherever the language server resolves it. */
export const renameTransform: Transform<RenameIntent> = {
  kind: 'rename',
  intentSchema: renameIntentSchema,
  verifySchema: wordPositionsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateRenameIntent,
  search: (intent) => ({
    words: [intent.from],
    declarations: [intent.from],
    files: [],
    symbols: [toSymbolQuery(intent)],
  }),
  analyze: analyzeRename,
  checkChange: checkRenameChange,
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(...(await verifyWordPositions(wordPositionsCheckSchema.parse(check), context)));
    }
    return problems;
  },
  branchHint: (intent) => `rename ${intent.from} to ${intent.to}`,
};

export type { RenameIntent } from './intent.js';
