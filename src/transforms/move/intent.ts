import { z } from 'zod';

/** move: `symbol` moves to the file `to` (from `from`, when the command says), imports updated. */
export const moveIntentSchema = z.strictObject({
  kind: z.literal('move'),
  /** The symbol that moves, as written (`parse_row`, `Invoice`). */
  symbol: z.string().min(1).max(256),
  /** Workspace-relative path of the file it is in now. */
  from: z.string().min(1).max(4096).optional(),
  /** Workspace-relative path of the file it moves to. */
  to: z.string().min(1).max(4096),
});

export type MoveIntent = z.infer<typeof moveIntentSchema>;
