import { OrchestratorError } from '../errors.js';

/** Resolves after `delayMs`, or rejects with `CANCELLED` when `signal` aborts first. */
export function waitForBackoff(delayMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new OrchestratorError('CANCELLED', 'The run was cancelled during a retry backoff.'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new OrchestratorError('CANCELLED', 'The run was cancelled during a retry backoff.'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    timer.unref();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
