import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { OrchestratorError } from '../../core/errors.js';
import { raceAbort } from './race-abort.js';
import { sendLspRequest } from './send-lsp-request.js';
import { createInitializeParams, spawnPyright } from './spawn-pyright.js';
import { stopChildProcess } from './stop-child-process.js';

/** How pyright checks files in the background. */
export type DiagnosticMode = 'workspace' | 'openFilesOnly';

/** Options for {@link createPyrightSession}. */
export interface PyrightSessionOptions {
  /** Absolute, real path of the workspace. */
  root: string;
  /** The interpreter pyright resolves imports against. */
  pythonPath: string;
  /** @default 'openFilesOnly' (see PythonAdapterOptions.diagnosticMode) */
  diagnosticMode?: DiagnosticMode;
  /** Longest wait for pyright to list the workspace's files. @default 120000 */
  settleTimeoutMs?: number;
  /** Runs just before each spawn (e.g. to snapshot the files pyright is about to list). */
  beforeStart?: (signal?: AbortSignal) => Promise<void>;
}

export type PyrightSessionState = 'idle' | 'starting' | 'ready' | 'closed';

/** One pyright language server, started on first use. */
export interface PyrightSession {
  readonly state: PyrightSessionState;
  /** Milliseconds from spawn until pyright had listed the workspace's files (last start). */
  readonly settleMs: number | undefined;
  /** Starts pyright (if needed) and waits until it has listed the workspace's files. */
  start(signal?: AbortSignal): Promise<void>;
  /** Sends an LSP request, starting pyright (and waiting for it to settle) if needed. */
  request<R>(method: string, params: unknown, signal?: AbortSignal): Promise<R>;
  /** Tells pyright the current text of `uri` (didOpen once, didChange when it changed). */
  syncDocument(uri: string, text: string, signal?: AbortSignal): Promise<void>;
  /** Sends `didClose` for documents we opened, so pyright reads them from disk again. */
  closeDocuments(uris: readonly string[]): Promise<void>;
  /** Sends a notification to a running pyright (dropped when pyright is not running). */
  notifyIfRunning(method: string, params: unknown): Promise<void>;
  /** Resolves when pyright next reports it has listed the workspace's files. */
  nextFileListing(): Promise<void>;
  /** shutdown/exit, then stops the process in steps. Safe to call twice. */
  close(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  connection: MessageConnection;
}

/** Creates a session; pyright is spawned lazily by the first request. */
export function createPyrightSession(options: PyrightSessionOptions): PyrightSession {
  const { root, settleTimeoutMs = 120_000 } = options;
  let state: PyrightSessionState = 'idle';
  let settleMs: number | undefined;
  let starting: Promise<Running> | undefined;
  let running: Running | undefined;
  let closing: Promise<void> | undefined;
  const versions = new Map<string, { version: number; text: string }>();
  let lastStderr: () => string = () => '';
  const rescanWaiters: Array<() => void> = [];
  const readState = (): PyrightSessionState => state;

  const fail = (message: string, cause?: unknown): OrchestratorError =>
    new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `${message}${lastStderr() === '' ? '' : ` (pyright stderr: ${lastStderr().slice(-500)})`}`,
      { cause, retryable: true, data: { root } },
    );

  // Starting is shared by every caller, so it follows close(), not one caller's signal.
  const stopStarting = new AbortController();

  const start = async (): Promise<Running> => {
    const signal = stopStarting.signal;
    await options.beforeStart?.(signal);
    const startedAt = performance.now();
    let markSettled: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      markSettled = resolve;
    });
    const { child, connection, stderrTail } = spawnPyright({
      root,
      settings: options,
      onFileListing: () => {
        markSettled();
        for (const waiter of rescanWaiters.splice(0)) waiter();
      },
    });
    lastStderr = stderrTail;
    const current: Running = { child, connection };
    const exited = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(fail(`Could not start pyright: ${error.message}`)));
      child.once('exit', (code, sig) => {
        if (running === current) running = undefined;
        if (state === 'ready' || state === 'starting') {
          connection.dispose();
          state = 'idle';
          starting = undefined;
          versions.clear();
        }
        reject(fail(`pyright exited (code ${code ?? 'none'}, signal ${sig ?? 'none'})`));
      });
    });
    exited.catch(() => {});
    try {
      await Promise.race([
        exited,
        send(connection, 'initialize', createInitializeParams(root), signal),
      ]);
      await connection.sendNotification('initialized', {});
      const deadline = AbortSignal.timeout(settleTimeoutMs);
      const waitSignal = AbortSignal.any([signal, deadline]);
      await raceAbort(Promise.race([exited, settled]), waitSignal).catch((error: unknown) => {
        // Past the settle deadline pyright still answers, only perhaps with fewer files.
        if (signal.aborted || !deadline.aborted) throw error;
      });
    } catch (error) {
      connection.dispose();
      await stopChildProcess(child, { stdinGraceMs: 200 });
      throw error;
    }
    settleMs = performance.now() - startedAt;
    return current;
  };

  const ensureRunning = async (signal?: AbortSignal): Promise<Running> => {
    if (state === 'closed') {
      throw new OrchestratorError('LANGUAGE_SERVER_FAILED', 'The Python adapter was closed.');
    }
    if (running !== undefined && state === 'ready') return running;
    if (starting === undefined) {
      state = 'starting';
      starting = start().then(
        (value) => {
          if (state === 'closed') return value;
          running = value;
          state = 'ready';
          return value;
        },
        (error: unknown) => {
          starting = undefined;
          if (state === 'starting') state = 'idle';
          throw error;
        },
      );
      // Callers may all have given up; the failure is reported to the next one that waits.
      starting.catch(() => {});
    }
    try {
      return await raceAbort(starting, signal);
    } catch (error) {
      // close() may have run while this call waited.
      if (readState() === 'closed') {
        throw new OrchestratorError('LANGUAGE_SERVER_FAILED', 'The Python adapter was closed.', {
          cause: error,
        });
      }
      if (signal?.aborted !== true) throw error;
      throw new OrchestratorError('CANCELLED', 'Cancelled while pyright was starting.', {
        cause: signal.reason,
      });
    }
  };

  const request = async <R>(method: string, params: unknown, signal?: AbortSignal) => {
    const { connection } = await ensureRunning(signal);
    return await send<R>(connection, method, params, signal);
  };

  const syncDocument = async (uri: string, text: string, signal?: AbortSignal) => {
    const { connection } = await ensureRunning(signal);
    const known = versions.get(uri);
    if (known?.text === text) return;
    const version = (known?.version ?? 0) + 1;
    versions.set(uri, { version, text });
    if (known === undefined) {
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'python', version, text },
      });
    } else {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    }
  };

  const closeDocuments = async (uris: readonly string[]) => {
    const connection = state === 'ready' ? running?.connection : undefined;
    for (const uri of uris) {
      if (!versions.delete(uri) || connection === undefined) continue;
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  };

  const notifyIfRunning = async (method: string, params: unknown) => {
    const connection = state === 'ready' ? running?.connection : undefined;
    await connection?.sendNotification(method, params);
  };

  const shutdown = async (): Promise<void> => {
    const wasStarting = starting;
    state = 'closed';
    stopStarting.abort(new Error('The Python adapter is closing.'));
    const current = running ?? (await wasStarting?.catch(() => undefined));
    running = undefined;
    if (current === undefined) return;
    const { child, connection } = current;
    try {
      await send(connection, 'shutdown', null, AbortSignal.timeout(2000));
      await connection.sendNotification('exit');
    } catch {
      // The process is stopped below whatever the server answered.
    }
    connection.dispose();
    await stopChildProcess(child);
  };

  return {
    get state() {
      return state;
    },
    get settleMs() {
      return settleMs;
    },
    start: async (signal) => {
      await ensureRunning(signal);
    },
    request,
    syncDocument,
    closeDocuments,
    notifyIfRunning,
    nextFileListing: () => new Promise<void>((resolve) => rescanWaiters.push(resolve)),
    close() {
      closing ??= shutdown();
      return closing;
    },
  };

  function send<R>(
    connection: MessageConnection,
    method: string,
    params: unknown,
    signal?: AbortSignal,
  ): Promise<R> {
    return sendLspRequest<R>(connection, method, params, signal, fail);
  }
}
