import { OrchestratorError } from '../../../core/errors.js';

/**
 * Runs `body` and, when `signal` has aborted, reports any failure as a typed `CANCELLED`
 * error (an aborted `fs` call or `throwIfAborted` throws a plain AbortError).
 */
export async function withCancellation<T>(
  signal: AbortSignal | undefined,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (
      signal?.aborted !== true ||
      (error instanceof OrchestratorError && error.code === 'CANCELLED')
    ) {
      throw error;
    }
    throw new OrchestratorError('CANCELLED', 'The Python analysis was cancelled.', {
      cause: signal.reason,
    });
  }
}
