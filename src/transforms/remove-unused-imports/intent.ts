import { z } from 'zod';

/** remove_unused_imports: imports nothing uses go, in the whole repository or under `scope`. */
export const removeUnusedImportsIntentSchema = z.strictObject({
  kind: z.literal('remove_unused_imports'),
  /** Workspace-relative path prefix: only files under it are changed. */
  scope: z.string().min(1).max(4096).optional(),
});

export type RemoveUnusedImportsIntent = z.infer<typeof removeUnusedImportsIntentSchema>;
