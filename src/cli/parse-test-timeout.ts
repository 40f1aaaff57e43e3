import { OrchestratorError } from '../core/errors.js';

const SECONDS = /^\d+(\.\d+)?$/;

/**
 * `--test-timeout <seconds>` → milliseconds. Throws `BAD_INPUT` naming the flag unless the
 * value is a positive number of seconds (fractions allowed, at least 1 ms).
 */
export function parseTestTimeout(text: string): number {
  // No zod here: the flags are read before a refused command would load it.
  const seconds = SECONDS.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds * 1000 < 1) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--test-timeout "${text}" is not a positive number of seconds. Give how long the tests may run, e.g. --test-timeout 300 (default: 10 minutes, or 5× the median of earlier runs, at least 2 minutes).`,
      { data: { flag: '--test-timeout', value: text } },
    );
  }
  return Math.round(seconds * 1000);
}
