import { z } from 'zod';
import { referenceSchema, sourcePositionSchema } from '../../contracts/source-schemas.js';

/** What rename's language half takes (`compute_edits` args). */
export const renameArgsSchema = z.strictObject({
  newName: z.string().min(1).max(256),
});

export type RenameArgs = z.infer<typeof renameArgsSchema>;

/** An existing name the new one would clash with. */
export const collisionSchema = sourcePositionSchema.extend({
  name: z.string(),
  reason: z.string(),
});

/** What rename's language half reports beside its edits (`compute_edits` facts). */
export const renameFactsSchema = z.object({
  /** Names in scope at a use of the symbol that the new name would clash with. */
  collisions: z.array(collisionSchema),
  /** Every reference of the symbol (declarations included), for the certainty of each edit. */
  references: z.array(referenceSchema),
});

export type RenameFacts = z.infer<typeof renameFactsSchema>;
