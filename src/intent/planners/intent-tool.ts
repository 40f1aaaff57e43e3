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

/** Most reasoning steps a model may give with its answer. */
export const MAX_REASONING_STEPS = 10;

/** Longest reasoning step, in characters. */
export const MAX_REASONING_STEP_CHARS = 400;

/**
 * The model's numbered reasoning steps: how it read the command, in order (recorded through the
 * sequential-thinking server, in the trace and in the pull request). Optional: an answer
 * without them is still read.
 */
export const reasoningStepsSchema = z
  .array(z.string().trim().min(1).max(MAX_REASONING_STEP_CHARS))
  .min(1)
  .max(MAX_REASONING_STEPS);

/** The tool's name. */
export const INTENT_TOOL_NAME = 'submit_intent';

let tool: PlannerTool | undefined;

/**
 * The one tool the model must call, `submit_intent({"steps": […], "intent": …})`: its schema is
 * the model's reasoning steps and the intent union (derived from the transforms' zod schemas)
 * plus `unclear`. Built once.
 */
export function intentTool(): PlannerTool {
  if (tool !== undefined) return tool;
  const { $schema: _, ...inputSchema } = z.toJSONSchema(
    z.strictObject({
      steps: reasoningStepsSchema
        .optional()
        .describe(
          'How you read the command, one short step per item, in order: which words name the change, which names it copies, why this kind.',
        ),
      intent: plannerAnswerSchema,
    }),
    { io: 'input' },
  ) as Record<string, unknown>;
  tool = {
    name: INTENT_TOOL_NAME,
    description:
      'Submit how you read the command (steps) and the one code change it asks for, as an intent. Use kind "unclear" with a reason when the command names no such change with certainty.',
    inputSchema,
  };
  return tool;
}
