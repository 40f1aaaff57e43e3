import { z } from 'zod';

/**
 * A move: a module-level declaration (function, class, variable) leaves its module for `to`
 * (a new module the change creates, or an existing one), with the private helpers only it
 * uses; every import and re-export of it in the repository follows.
 */
export const moveIntentSchema = z.strictObject({
  kind: z.literal('move'),
  /** The declaration's name as written (`post_entry`, `Ledger`). */
  symbol: z.string().min(1).max(256),
  /** Workspace-relative path of the module that declares it, when the command names it. */
  from: z.string().min(1).max(4096).optional(),
  /** Workspace-relative path of the module it moves to. */
  to: z.string().min(1).max(4096),
});

export type MoveIntent = z.infer<typeof moveIntentSchema>;
