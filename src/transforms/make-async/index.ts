import type { VerifyCheck } from '../../core/change/verify-types.js';
import type { Transform } from '../transform.js';
import { analyzeMakeAsync } from './analyze.js';
import { verifyCallersAwait } from './caller-check.js';
import { checkMakeAsyncChange } from './check-change.js';
import { verifyCoroutineFunctions } from './coroutine-check.js';
import { type MakeAsyncIntent, makeAsyncIntentSchema } from './intent.js';
import { resolveModule, resolvePath } from './resolve-module.js';
import { toTargetNames } from './target-names.js';
import { validateMakeAsyncIntent } from './validate-intent.js';
import { awaitedCallsCheckSchema, verifyAwaitedCalls } from './verify.js';

/** make_async: functions become async, and so does everything that calls them. */
export const makeAsyncTransform: Transform<MakeAsyncIntent> = {
  kind: 'make_async',
  intentSchema: makeAsyncIntentSchema,
  verifySchema: awaitedCallsCheckSchema as unknown as Transform['verifySchema'],
  validateIntent: validateMakeAsyncIntent,
  search(intent, { trackedFiles }) {
    if (intent.targetKind === 'symbol') {
      const names = toTargetNames(intent.target).map((n) => n.slice(n.lastIndexOf('.') + 1));
      return { words: names, declarations: names, files: [] };
    }
    const found =
      intent.targetKind === 'path'
        ? resolvePath(intent.target, trackedFiles)
        : resolveModule(intent.target, trackedFiles);
    return { words: [], declarations: [], files: found.files };
  },
  analyze: analyzeMakeAsync,
  checkChange: (_intent, change) => checkMakeAsyncChange(change),
  async verifyBeforeTests(_intent, checks: readonly VerifyCheck[], context) {
    const result = { problems: [] as string[], notes: [] as string[] };
    for (const check of checks) {
      const found = await verifyCallersAwait(awaitedCallsCheckSchema.parse(check), context);
      result.problems.push(...found.problems);
      result.notes.push(...found.notes);
    }
    return result;
  },
  async verify(_intent, checks: readonly VerifyCheck[], context) {
    const problems: string[] = [];
    for (const check of checks) {
      const parsed = awaitedCallsCheckSchema.parse(check);
      problems.push(...(await verifyAwaitedCalls(parsed, context)));
      problems.push(...(await verifyCoroutineFunctions(parsed, context)));
    }
    return problems;
  },
  branchHint: (intent) => `make ${intent.target} async`,
};
