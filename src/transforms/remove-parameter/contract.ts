import { z } from 'zod';
import { signatureVerifyArgsSchema } from '../shared/parameters/contract.js';

/** `compute_edits` args of remove_parameter: the edits (mode `edit`), or the check of a changed tree. */
export const removeParameterArgsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('edit'), name: z.string().min(1).max(256) }),
  signatureVerifyArgsSchema,
]);

export type RemoveParameterArgs = z.infer<typeof removeParameterArgsSchema>;
