import { z } from 'zod';
import { intentSchema } from '../all-intents.js';
import type { PlannerTool } from './intent-planner.js';

/** The answer a model gives when the command names no change it can read with certainty. */
export const unclearAnswerSchema = z.strictObject({
  kind: z.literal('unclear'),
  /** Why, in a sentence. */
  reason: z.string().min(1).max(500),
});

/** Any intent, or `unclear`. */
export const plannerAnswerSchema = z.discriminatedUnion('kind', [
  ...intentSchema.options,
  unclearAnswerSchema,
]);

/** The tool's name. */
export const INTENT_TOOL_NAME = 'submit_intent';

let tool: PlannerTool | undefined;

/**
 * The one tool the model must call, `submit_intent({"intent": …})`: its schema is the intent
 * union (derived from the transforms' zod schemas) plus `unclear`. Built once.
 */
export function intentTool(): PlannerTool {
  if (tool !== undefined) return tool;
  const { $schema: _, ...inputSchema } = z.toJSONSchema(
    z.strictObject({ intent: plannerAnswerSchema }),
    { io: 'input' },
  ) as Record<string, unknown>;
  tool = {
    name: INTENT_TOOL_NAME,
    description:
      'Submit the one code change the command asks for, as an intent. Use kind "unclear" with a reason when the command names no such change with certainty.',
    inputSchema,
  };
  return tool;
}
