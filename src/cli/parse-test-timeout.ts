import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';

const secondsSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .refine((seconds) => Number.isFinite(seconds) && seconds * 1000 >= 1);

/**
 * `--test-timeout <seconds>` → milliseconds. Throws `BAD_INPUT` naming the flag unless the
 * value is a positive number of seconds (fractions allowed, at least 1 ms).
 */
export function parseTestTimeout(text: string): number {
  const parsed = secondsSchema.safeParse(text);
  if (!parsed.success) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--test-timeout "${text}" is not a positive number of seconds. Give how long the tests may run, e.g. --test-timeout 300 (default: 10 minutes, or 5× the median of earlier runs, at least 2 minutes).`,
      { data: { flag: '--test-timeout', value: text } },
    );
  }
  return Math.round(parsed.data * 1000);
}
