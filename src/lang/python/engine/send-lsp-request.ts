import { CancellationTokenSource, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { OrchestratorError, toErrorMessage } from '../../../core/errors.js';
import { raceAbort } from './race-abort.js';

/**
 * Sends one LSP request. An abort cancels it on the server (`$/cancelRequest`) and rejects at
 * once with `CANCELLED`; any other failure becomes the error `fail` builds.
 */
export async function sendLspRequest<R>(
  connection: MessageConnection,
  method: string,
  params: unknown,
  signal: AbortSignal | undefined,
  fail: (message: string, cause: unknown) => OrchestratorError,
): Promise<R> {
  signal?.throwIfAborted();
  const source = new CancellationTokenSource();
  const onAbort = (): void => source.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await raceAbort(connection.sendRequest<R>(method, params, source.token), signal);
  } catch (error) {
    if (signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', `pyright request ${method} was cancelled.`, {
        cause: signal.reason,
      });
    }
    if (error instanceof OrchestratorError) throw error;
    throw fail(`pyright request ${method} failed: ${toErrorMessage(error)}`, error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    source.dispose();
  }
}
