import { BAD_INPUT_CODES, isOrchestratorError } from '../core/errors.js';
import type { RunResult } from '../orchestrator.js';

export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** 0 for success, 2 when the run failed on bad input, 1 for any other failure. */
export function toExitCode(result: Pick<RunResult, 'success' | 'error'>): number {
  if (result.success) return EXIT_OK;
  const code = result.error?.code;
  return code !== undefined && (BAD_INPUT_CODES as ReadonlySet<string>).has(code)
    ? EXIT_BAD_INPUT
    : EXIT_RUN_FAILED;
}

/** 2 for a thrown bad-input error, 1 for anything else. */
export function toErrorExitCode(error: unknown): number {
  return isOrchestratorError(error) && BAD_INPUT_CODES.has(error.code)
    ? EXIT_BAD_INPUT
    : EXIT_RUN_FAILED;
}
