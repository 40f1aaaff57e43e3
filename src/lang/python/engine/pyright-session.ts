import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { OrchestratorError } from '../../../core/errors.js';
import type { ManagedProcess, ProcessExit } from '../../../process/index.js';
import { raceAbort } from './race-abort.js';
import { sendLspRequest } from './send-lsp-request.js';
import { createInitializeParams, spawnPyright } from './spawn-pyright.js';

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
  process: ManagedProcess;
  connection: MessageConnection;
}

/** The session's life, written down: at most one pyright starts or runs at a time. */
type SessionState =
  | { kind: 'idle' }
  /** Shared by every caller waiting for the start. */
  | { kind: 'starting'; started: Promise<Running> }
  | { kind: 'ready'; running: Running }
  | { kind: 'closed'; closing: Promise<void> };

/** Graces for stopping pyright: it exits by itself after `exit`, or once stdin closes. */
const STOP_GRACES = { stdinGraceMs: 1000, termGraceMs: 1000 };

function describeExit(exit: ProcessExit): string {
  switch (exit.kind) {
    case 'spawn-failed':
      return `Could not start pyright: ${exit.reason}`;
    case 'exited':
      return `pyright exited (code ${exit.exitCode}, signal none)`;
    case 'signalled':
      return `pyright exited (code none, signal ${exit.signal})`;
  }
}

/** Creates a session; pyright is spawned lazily by the first request. */
export function createPyrightSession(options: PyrightSessionOptions): PyrightSession {
  const { root, settleTimeoutMs = 120_000 } = options;
  let state: SessionState = { kind: 'idle' };
  let settleMs: number | undefined;
  let lastStderr: () => string = () => '';
  const versions = new Map<string, { version: number; text: string }>();
  const rescanWaiters: Array<() => void> = [];
  // A function, so checks after an await see the current state, not a narrowed one.
  const current = (): SessionState => state;
  const readyConnection = (): MessageConnection | undefined => {
    const now = current();
    return now.kind === 'ready' ? now.running.connection : undefined;
  };

  const fail = (message: string, cause?: unknown): OrchestratorError =>
    new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `${message}${lastStderr() === '' ? '' : ` (pyright stderr: ${lastStderr().slice(-500)})`}`,
      { cause, retryable: true, data: { root } },
    );
  const closedError = (cause?: unknown): OrchestratorError =>
    new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      'The Python adapter was closed.',
      cause === undefined ? {} : { cause },
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
    const {
      process: child,
      connection,
      stderrTail,
    } = spawnPyright({
      root,
      settings: options,
      onFileListing: () => {
        markSettled();
        for (const waiter of rescanWaiters.splice(0)) waiter();
      },
    });
    lastStderr = stderrTail;
    const running: Running = { process: child, connection };
    const exited = child.exited.then((exit): never => {
      const now = current();
      if ((now.kind === 'ready' && now.running === running) || now.kind === 'starting') {
        connection.dispose();
        versions.clear();
        if (now.kind === 'ready') state = { kind: 'idle' };
      }
      throw fail(describeExit(exit));
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
      await child.stop({ ...STOP_GRACES, stdinGraceMs: 200 });
      throw error;
    }
    settleMs = performance.now() - startedAt;
    return running;
  };

  const beginStart = (): Promise<Running> => {
    const started: Promise<Running> = start().then(
      (running) => {
        if (current().kind !== 'closed') state = { kind: 'ready', running };
        return running;
      },
      (error: unknown) => {
        const now = current();
        if (now.kind === 'starting' && now.started === started) state = { kind: 'idle' };
        throw error;
      },
    );
    // Callers may all have given up; the failure is reported to the next one that waits.
    started.catch(() => {});
    state = { kind: 'starting', started };
    return started;
  };

  const ensureRunning = async (signal?: AbortSignal): Promise<Running> => {
    const now = current();
    if (now.kind === 'closed') throw closedError();
    if (now.kind === 'ready') return now.running;
    const started = now.kind === 'starting' ? now.started : beginStart();
    try {
      return await raceAbort(started, signal);
    } catch (error) {
      // close() may have run while this call waited.
      if (current().kind === 'closed') throw closedError(error);
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
    const connection = readyConnection();
    for (const uri of uris) {
      if (!versions.delete(uri) || connection === undefined) continue;
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  };

  const notifyIfRunning = async (method: string, params: unknown) => {
    await readyConnection()?.sendNotification(method, params);
  };

  const shutdown = async (previous: SessionState): Promise<void> => {
    stopStarting.abort(new Error('The Python adapter is closing.'));
    const running =
      previous.kind === 'ready'
        ? previous.running
        : previous.kind === 'starting'
          ? await previous.started.catch(() => undefined)
          : undefined;
    if (running === undefined) return;
    const { process: child, connection } = running;
    try {
      await send(connection, 'shutdown', null, AbortSignal.timeout(2000));
      await connection.sendNotification('exit');
    } catch {
      // The process is stopped below whatever the server answered.
    }
    connection.dispose();
    await child.stop(STOP_GRACES);
  };

  return {
    get state() {
      return state.kind;
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
      const previous = current();
      if (previous.kind === 'closed') return previous.closing;
      // Closed first, so everything shutdown() wakes up sees it.
      const closing = Promise.resolve().then(() => shutdown(previous));
      state = { kind: 'closed', closing };
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
