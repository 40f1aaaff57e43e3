import { z } from 'zod';

/** Source text of a default, type or value: one line, at most 500 characters. */
const sourceText = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (text) => !/[\r\n]/.test(text) && text.trim() !== '',
    'must be one non-empty line of source code',
  );

/**
 * add_parameter: `name` becomes a parameter of `function` (`name` or `Class.method`), its
 * overrides and the interface members it implements. With `default`, calls are left as they
 * are; with `value`, every call passes it. `default`, `type` and `value` are source text.
 */
export const addParameterIntentSchema = z.strictObject({
  kind: z.literal('add_parameter'),
  function: z.string().min(1).max(513),
  name: z.string().min(1).max(256),
  default: sourceText.optional(),
  type: sourceText.optional(),
  /** What every call passes (`pass <expr>`). */
  value: sourceText.optional(),
});

export type AddParameterIntent = z.infer<typeof addParameterIntentSchema>;
