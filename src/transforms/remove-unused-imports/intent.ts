import { z } from 'zod';

/** remove_unused_imports: imports nothing in their file uses go, in the whole repository or `scope`. */
export const removeUnusedImportsIntentSchema = z.strictObject({
  kind: z.literal('remove_unused_imports'),
  /** Workspace-relative file or folder the cleanup is limited to (`in <path>`). */
  scope: z.string().min(1).max(4096).optional(),
});

export type RemoveUnusedImportsIntent = z.infer<typeof removeUnusedImportsIntentSchema>;
