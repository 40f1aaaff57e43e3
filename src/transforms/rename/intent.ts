import { z } from 'zod';

/** Words that say what kind of symbol a rename targets. */
export const RENAME_SYMBOL_KINDS = ['function', 'class', 'method', 'variable'] as const;

/** A rename: `from` becomes `to` wherever the language server resolves the symbol. */
export const renameIntentSchema = z.strictObject({
  kind: z.literal('rename'),
  from: z.string().min(1).max(256),
  to: z.string().min(1).max(256),
  /** The kind of symbol, when the command names one. */
  symbolKind: z.enum(RENAME_SYMBOL_KINDS).optional(),
  /** Class (or object) that declares the symbol, from `rename method Cls.name to …`. */
  container: z.string().min(1).max(256).optional(),
  /** Workspace-relative path prefix that narrows where the symbol is declared (`in <path>`). */
  scope: z.string().min(1).max(4096).optional(),
});

export type RenameIntent = z.infer<typeof renameIntentSchema>;
