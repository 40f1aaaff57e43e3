import { z } from 'zod';
import { signatureVerifyArgsSchema } from '../shared/parameters/contract.js';

/** `compute_edits` args of add_parameter: the edits (mode `edit`), or the check of a changed tree. */
export const addParameterArgsSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('edit'),
    name: z.string().min(1).max(256),
    default: z.string().min(1).max(500).optional(),
    type: z.string().min(1).max(500).optional(),
    value: z.string().min(1).max(500).optional(),
  }),
  signatureVerifyArgsSchema,
]);

export type AddParameterArgs = z.infer<typeof addParameterArgsSchema>;
