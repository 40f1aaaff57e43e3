import type { VerifyCheck } from '../../core/change/verify-types.js';
import { verifyWordPositions, wordPositionsCheckSchema } from '../rename/word-positions.js';
import type { Transform } from '../transform.js';
import { analyzeRemoveUnusedImports } from './analyze.js';
import { checkRemoveUnusedImportsChange } from './check-change.js';
import { type RemoveUnusedImportsIntent, removeUnusedImportsIntentSchema } from './intent.js';
import { resolveScope } from './resolve-scope.js';
import { validateRemoveUnusedImportsIntent } from './validate-intent.js';

/** remove_unused_imports: imports nothing in their file uses go; re-exports and side effects stay. */
export const removeUnusedImportsTransform: Transform<RemoveUnusedImportsIntent> = {
  kind: 'remove_unused_imports',
  intentSchema: removeUnusedImportsIntentSchema,
  verifySchema: wordPositionsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateRemoveUnusedImportsIntent,
  search: (intent, { trackedFiles }) => ({
    words: [],
    declarations: [],
    files: resolveScope(intent.scope, trackedFiles),
  }),
  analyze: analyzeRemoveUnusedImports,
  checkChange: (_intent, change) => checkRemoveUnusedImportsChange(change),
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      problems.push(...(await verifyWordPositions(wordPositionsCheckSchema.parse(check), context)));
    }
    return problems;
  },
  branchHint: (intent) => `remove unused imports${intent.scope ? ` in ${intent.scope}` : ''}`,
};

export type { RemoveUnusedImportsIntent } from './intent.js';
