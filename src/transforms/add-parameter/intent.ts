import { z } from 'zod';

/** add_parameter: `function` gets a new parameter `name`, and its call sites what they must pass. */
export const addParameterIntentSchema = z.strictObject({
  kind: z.literal('add_parameter'),
  /** The function (or `Class.method`) that takes the parameter, as written. */
  function: z.string().min(1).max(256),
  /** The parameter's name. */
  name: z.string().min(1).max(256),
  /** Its default, as source text (`30`, `None`, `"utf-8"`). */
  default: z.string().min(1).max(1000).optional(),
  /** Its type annotation, as source text (`int`, `list[str]`). */
  type: z.string().min(1).max(1000).optional(),
  /** What call sites pass, as source text. */
  value: z.string().min(1).max(1000).optional(),
});

export type AddParameterIntent = z.infer<typeof addParameterIntentSchema>;
