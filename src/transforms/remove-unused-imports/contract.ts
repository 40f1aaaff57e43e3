import { z } from 'zod';
import { sourcePositionSchema } from '../../contracts/source-schemas.js';

/** What remove_unused_imports' language half takes (`compute_edits` args): the files to clean. */
export const removeUnusedImportsArgsSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
});

export type RemoveUnusedImportsArgs = z.infer<typeof removeUnusedImportsArgsSchema>;

/** An import binding, where the name it binds is written. */
export const importBindingSchema = sourcePositionSchema.extend({
  length: z.number().int().nonnegative(),
  name: z.string().min(1),
});

/** An unused import that stays, and why. */
export const keptImportSchema = importBindingSchema.extend({
  reason: z.enum(['re-export', 'side-effect']),
  detail: z.string(),
});

/** What the language half reports beside its edits (`compute_edits` facts). */
export const removeUnusedImportsFactsSchema = z.object({
  /** The bindings the edits remove. */
  removed: z.array(importBindingSchema),
  /** Unused bindings kept: re-exports and side-effect imports. */
  kept: z.array(keptImportSchema),
  /** The files the language server read. */
  checked: z.array(z.string()),
});

export type RemoveUnusedImportsFacts = z.infer<typeof removeUnusedImportsFactsSchema>;
