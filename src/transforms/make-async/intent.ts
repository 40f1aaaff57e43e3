import { z } from 'zod';

/**
 * make_async: functions become async, and everything that calls them, to a fixpoint. `target`
 * is as written: the names of the function form (`load_prices and fetch_quotes`,
 * `Ledger.total`), a path, or the words that name a module (`risk management`).
 */
export const makeAsyncIntentSchema = z.strictObject({
  kind: z.literal('make_async'),
  target: z.string().min(1).max(1000),
  targetKind: z.enum(['symbol', 'path', 'module']),
  /** Workspace-relative path prefix that narrows where the functions are declared (`in <path>`). */
  scope: z.string().min(1).max(4096).optional(),
});

export type MakeAsyncIntent = z.infer<typeof makeAsyncIntentSchema>;
