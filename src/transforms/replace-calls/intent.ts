import { z } from 'zod';

/** replace_calls: every call of `from` becomes a call of `to`; dotted names allowed (`time.sleep`). */
export const replaceCallsIntentSchema = z.strictObject({
  kind: z.literal('replace_calls'),
  /** The function whose calls change, as written: `time.sleep`, `fetch_rows`. */
  from: z.string().min(1).max(256),
  /** The function they call instead: `asyncio.sleep`. */
  to: z.string().min(1).max(256),
});

export type ReplaceCallsIntent = z.infer<typeof replaceCallsIntentSchema>;
