import { z } from 'zod';

/**
 * convert_promises: `.then`/`.catch` chains become `async`/`await` through TypeScript's own
 * `convertToAsyncFunction` code fix. `target` is as written: a path (a file or a folder, every
 * function TypeScript suggests converting in it) or a function name (`load`, `Store.get`).
 */
export const convertPromisesIntentSchema = z.strictObject({
  kind: z.literal('convert_promises'),
  target: z.string().min(1).max(4096),
  targetKind: z.enum(['path', 'symbol']),
  /** Workspace-relative path prefix that narrows where the function is declared (`in <path>`). */
  scope: z.string().min(1).max(4096).optional(),
});

export type ConvertPromisesIntent = z.infer<typeof convertPromisesIntentSchema>;
