import { z } from 'zod';

/**
 * replace_calls: every resolved call of `from` calls `to` instead. Both may be dotted: a
 * module-qualified workspace function (`utils.old_fn`) or a library one (`time.sleep`).
 */
export const replaceCallsIntentSchema = z.strictObject({
  kind: z.literal('replace_calls'),
  from: z.string().min(1).max(512),
  to: z.string().min(1).max(512),
});

export type ReplaceCallsIntent = z.infer<typeof replaceCallsIntentSchema>;
