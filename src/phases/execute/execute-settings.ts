import { z } from 'zod';

/** EXECUTE's settings in a plan. */
export const executeSettingsSchema = z.strictObject({
  phase: z.literal('execute'),
  /** Deadline for the test command, in ms; absent: OPTIMIZE decides (from earlier runs). */
  test_timeout_ms: z.number().int().positive().optional(),
});

export type ExecuteSettings = z.infer<typeof executeSettingsSchema>;

export const DEFAULT_EXECUTE_SETTINGS: ExecuteSettings = { phase: 'execute' };
