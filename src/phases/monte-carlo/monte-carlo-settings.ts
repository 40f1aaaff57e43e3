import { z } from 'zod';

/** MONTE CARLO's settings in a plan: its time cap and seed. */
export const monteCarloSettingsSchema = z.strictObject({
  phase: z.literal('monte_carlo'),
  /** Longest simulation, in ms. */
  duration_limit_ms: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
});

export type MonteCarloSettings = z.infer<typeof monteCarloSettingsSchema>;

/** @default 15 s, seed 1 */
export const DEFAULT_MONTE_CARLO_SETTINGS: MonteCarloSettings = {
  phase: 'monte_carlo',
  duration_limit_ms: 15_000,
  seed: 1,
};
