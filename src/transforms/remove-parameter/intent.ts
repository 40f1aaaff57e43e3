import { z } from 'zod';

/**
 * remove_parameter: `name` stops being a parameter of `function` (`name` or `Class.method`),
 * its overrides and the interface members it implements, and every call stops passing it.
 */
export const removeParameterIntentSchema = z.strictObject({
  kind: z.literal('remove_parameter'),
  function: z.string().min(1).max(513),
  name: z.string().min(1).max(256),
});

export type RemoveParameterIntent = z.infer<typeof removeParameterIntentSchema>;
