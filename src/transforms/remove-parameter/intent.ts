import { z } from 'zod';

/** remove_parameter: `function` loses its parameter `name`, and its call sites the argument. */
export const removeParameterIntentSchema = z.strictObject({
  kind: z.literal('remove_parameter'),
  /** The function (or `Class.method`) that takes the parameter, as written. */
  function: z.string().min(1).max(256),
  /** The parameter's name. */
  name: z.string().min(1).max(256),
});

export type RemoveParameterIntent = z.infer<typeof removeParameterIntentSchema>;
