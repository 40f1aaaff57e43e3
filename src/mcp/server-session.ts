import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { OrchestratorError } from '../core/errors.js';
import { connectServer, type ServerConnection } from './connect-server.js';
import type { McpServerConfig } from './mcp-config-schema.js';
import type { ServerStatus } from './server-status.js';
import { isConnectionClosed } from './to-call-error.js';

/** Settings a session shares with its pool. */
export interface SessionSettings {
  workspace: string;
  connectTimeoutMs: number;
  stopGraceMs: number;
  /** Called each time the session restarts its server. */
  onReconnect: () => void;
  /** Offer the server MCP roots (see {@link ServerSession.setRoots}). @default false */
  offersRoots?: boolean;
}

/** One configured server: its connection, its state and its restarts. */
export interface ServerSession {
  /** Connects if idle or failed; resolves when ready, throws the failure otherwise. */
  connect(signal?: AbortSignal): Promise<void>;
  /**
   * Calls a tool; if the connection closes under the call (the process died), restarts the
   * server once and calls again.
   */
  callTool(
    tool: string,
    args: Record<string, unknown>,
    options: { signal: AbortSignal; timeoutMs: number; onRetry?: () => void },
  ): Promise<CallToolResult>;
  /**
   * Sets the folders the server's `roots/list` is answered with (kept across restarts; empty
   * until set) and, when it is connected, tells it they changed. Throws `INTERNAL` for a
   * session that does not offer roots.
   */
  setRoots(dirs: readonly string[]): Promise<void>;
  /** Pings the server, recording and returning the round trip in ms. */
  ping(options: { signal: AbortSignal; timeoutMs: number }): Promise<number>;
  /** True when `tool` is listed and the server is ready, or will restart on the next call. */
  hasTool(tool: string): boolean;
  status(): ServerStatus;
  /** Stops the server for good. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A session's life. `crashed`: the server's process died on its own (not a failed start), so
 * the next call restarts it and its tools still count as available.
 */
type SessionState =
  | { kind: 'idle' }
  | { kind: 'starting'; connecting: Promise<ServerConnection>; crashed: boolean }
  | { kind: 'ready'; connection: ServerConnection }
  | { kind: 'failed'; crashed: boolean }
  | { kind: 'closed'; closing: Promise<void> };

function isCrashed(state: SessionState): boolean {
  return (state.kind === 'failed' || state.kind === 'starting') && state.crashed;
}

/** Creates the session for server `name`; nothing starts until `connect` or a call. */
export function createServerSession(
  name: string,
  config: McpServerConfig,
  settings: SessionSettings,
): ServerSession {
  let state: SessionState = { kind: 'idle' };
  let roots: readonly string[] = [];
  // A function, so checks after an await see the current state, not a narrowed one.
  const current = (): SessionState => state;
  /** What the last connect learnt; kept across restarts and failures. */
  const last = {
    tools: [] as string[],
    connectMs: 0,
    prestartedMs: undefined as number | undefined,
    pingMs: undefined as number | undefined,
    error: undefined as string | undefined,
    reconnects: 0,
  };

  const closedError = () =>
    new OrchestratorError('MCP_SERVER_UNAVAILABLE', `MCP server "${name}" is closed.`, {
      data: { server: name },
    });

  const onClosed = (dead: () => ServerConnection | undefined) => (reason: string) => {
    const now = current();
    if (now.kind !== 'ready' || now.connection !== dead()) return;
    state = { kind: 'failed', crashed: true };
    last.error = `MCP server "${name}" stopped: ${reason}`;
  };

  const start = (
    signal: AbortSignal | undefined,
    isReconnect: boolean,
  ): Promise<ServerConnection> => {
    const now = current();
    if (now.kind === 'starting') return now.connecting;
    const crashed = isCrashed(now);
    if (isReconnect) {
      last.reconnects++;
      settings.onReconnect();
    }
    let made: ServerConnection | undefined;
    const connecting = connectServer(name, config, {
      workspace: settings.workspace,
      timeoutMs: settings.connectTimeoutMs,
      stopGraceMs: settings.stopGraceMs,
      ...(signal === undefined ? {} : { signal }),
      ...(settings.offersRoots === true ? { roots: () => roots } : {}),
      onClosed: onClosed(() => made),
    })
      .then(async (fresh) => {
        made = fresh;
        if (current().kind === 'closed') {
          await fresh.close();
          throw closedError();
        }
        state = { kind: 'ready', connection: fresh };
        last.tools = fresh.tools;
        last.connectMs = fresh.connectMs;
        last.prestartedMs = fresh.prestartedMs;
        last.error = undefined;
        return fresh;
      })
      .catch((caught: unknown) => {
        if (current().kind !== 'closed') {
          const cancelled = caught instanceof OrchestratorError && caught.code === 'CANCELLED';
          if (cancelled) {
            state = crashed ? { kind: 'failed', crashed: true } : { kind: 'idle' };
          } else {
            state = { kind: 'failed', crashed: false };
            last.error = caught instanceof Error ? caught.message : String(caught);
          }
        }
        throw caught;
      });
    state = { kind: 'starting', connecting, crashed };
    return connecting;
  };

  const ready = async (signal: AbortSignal): Promise<ServerConnection> => {
    const now = current();
    switch (now.kind) {
      case 'ready':
        return now.connection;
      case 'starting':
        return now.connecting;
      case 'closed':
        throw closedError();
      case 'failed':
        if (!now.crashed) {
          throw new OrchestratorError(
            'MCP_SERVER_UNAVAILABLE',
            last.error ?? `MCP server "${name}" failed to start.`,
            { data: { server: name }, retryable: true },
          );
        }
        return start(signal, true);
      case 'idle':
        return start(signal, false);
    }
  };

  const restartAfter = async (dead: ServerConnection, signal: AbortSignal) => {
    const now = current();
    if (now.kind === 'ready' && now.connection !== dead) return now.connection;
    if (now.kind === 'starting') return now.connecting;
    if (now.kind === 'closed') throw closedError();
    if (now.kind === 'ready') void dead.close();
    return start(signal, true);
  };

  const callOnce = async (
    connection: ServerConnection,
    request: { name: string; arguments: Record<string, unknown> },
    options: { signal: AbortSignal; timeoutMs: number },
  ) =>
    (await connection.client.callTool(request, undefined, {
      signal: options.signal,
      timeout: options.timeoutMs,
    })) as CallToolResult;

  return {
    async connect(signal) {
      const now = current();
      if (now.kind === 'ready') return;
      if (now.kind === 'closed') throw closedError();
      await start(signal, isCrashed(now));
    },
    async callTool(tool, args, options) {
      const request = { name: tool, arguments: args };
      const first = await ready(options.signal);
      try {
        return await callOnce(first, request, options);
      } catch (caught) {
        if (current().kind === 'closed') throw closedError();
        if (!isConnectionClosed(caught) || options.signal.aborted) throw caught;
        options.onRetry?.();
        return await callOnce(await restartAfter(first, options.signal), request, options);
      }
    },
    async setRoots(dirs) {
      if (settings.offersRoots !== true) {
        throw new OrchestratorError('INTERNAL', `MCP server "${name}" is not offered roots.`, {
          data: { server: name },
        });
      }
      roots = [...dirs];
      const now = current();
      // A server still starting may have asked for the old roots already: tell it once it is up.
      const connection =
        now.kind === 'ready'
          ? now.connection
          : now.kind === 'starting'
            ? await now.connecting.catch(() => undefined)
            : undefined;
      await connection?.notifyRootsChanged();
    },
    async ping({ signal, timeoutMs }) {
      const connection = await ready(signal);
      const started = performance.now();
      await connection.client.ping({ signal, timeout: timeoutMs });
      last.pingMs = Math.round((performance.now() - started) * 100) / 100;
      return last.pingMs;
    },
    hasTool: (tool) => (state.kind === 'ready' || isCrashed(state)) && last.tools.includes(tool),
    status: (): ServerStatus => ({
      name,
      transport: config.transport,
      state: state.kind,
      toolCount: last.tools.length,
      tools: [...last.tools],
      connectMs: last.connectMs,
      ...(last.prestartedMs === undefined ? {} : { prestartedMs: last.prestartedMs }),
      ...(last.pingMs === undefined ? {} : { pingMs: last.pingMs }),
      ...(last.error === undefined || state.kind === 'ready' ? {} : { error: last.error }),
      reconnects: last.reconnects,
      ...(state.kind === 'ready' && state.connection.pid !== undefined
        ? { pid: state.connection.pid }
        : {}),
    }),
    close() {
      const previous = current();
      if (previous.kind === 'closed') return previous.closing;
      // Closed first, so everything the closes below wake up sees it.
      const closing = Promise.resolve()
        .then(() =>
          Promise.allSettled([
            previous.kind === 'ready' ? previous.connection.close() : undefined,
            previous.kind === 'starting'
              ? previous.connecting.then((made) => made.close())
              : undefined,
          ]),
        )
        .then(() => undefined);
      state = { kind: 'closed', closing };
      return closing;
    },
  };
}
