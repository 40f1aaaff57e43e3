import { OrchestratorError } from '../core/errors.js';

/** Throws `CANCELLED` with `message` when `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted === true) {
    throw new OrchestratorError('CANCELLED', message, { cause: signal.reason });
  }
}
