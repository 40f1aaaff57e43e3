import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { OrchestratorError } from '../core/errors.js';
import { connectServer, type ServerConnection } from './connect-server.js';
import type { McpServerConfig } from './mcp-config-schema.js';
import type { ServerState, ServerStatus } from './server-status.js';
import { isConnectionClosed } from './to-call-error.js';

/** Settings a session shares with its pool. */
export interface SessionSettings {
  workspace: string;
  connectTimeoutMs: number;
  stopGraceMs: number;
  /** Called each time the session restarts its server. */
  onReconnect: () => void;
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
    options: { signal: AbortSignal; timeoutMs: number },
  ): Promise<CallToolResult>;
  /** Pings the server, recording and returning the round trip in ms. */
  ping(options: { signal: AbortSignal; timeoutMs: number }): Promise<number>;
  /** True when `tool` is listed and the server is ready, or will restart on the next call. */
  hasTool(tool: string): boolean;
  status(): ServerStatus;
  /** Stops the server for good. Safe to call twice. */
  close(): Promise<void>;
}

/** Creates the session for server `name`; nothing starts until `connect` or a call. */
export function createServerSession(
  name: string,
  config: McpServerConfig,
  settings: SessionSettings,
): ServerSession {
  let state: ServerState = 'idle';
  let connection: ServerConnection | undefined;
  let connecting: Promise<ServerConnection> | undefined;
  let tools: string[] = [];
  let connectMs = 0;
  let pingMs: number | undefined;
  let error: string | undefined;
  let reconnects = 0;
  // True after the process died on its own: the next call restarts it.
  let crashed = false;
  let closing: Promise<void> | undefined;

  const onClosed = (dead: () => ServerConnection | undefined) => (reason: string) => {
    if (state === 'closed' || connection === undefined || connection !== dead()) return;
    connection = undefined;
    state = 'failed';
    crashed = true;
    error = `MCP server "${name}" stopped: ${reason}`;
  };

  const start = (
    signal: AbortSignal | undefined,
    isReconnect: boolean,
  ): Promise<ServerConnection> => {
    if (connecting !== undefined) return connecting;
    state = 'starting';
    if (isReconnect) {
      reconnects++;
      settings.onReconnect();
    }
    let made: ServerConnection | undefined;
    connecting = connectServer(name, config, {
      workspace: settings.workspace,
      timeoutMs: settings.connectTimeoutMs,
      stopGraceMs: settings.stopGraceMs,
      ...(signal === undefined ? {} : { signal }),
      onClosed: onClosed(() => made),
    })
      .then(async (fresh) => {
        made = fresh;
        if (state === 'closed') {
          await fresh.close();
          throw closedError();
        }
        connection = fresh;
        tools = fresh.tools;
        connectMs = fresh.connectMs;
        state = 'ready';
        crashed = false;
        error = undefined;
        return fresh;
      })
      .catch((caught: unknown) => {
        if (state !== 'closed') {
          const cancelled = caught instanceof OrchestratorError && caught.code === 'CANCELLED';
          state = cancelled ? (crashed ? 'failed' : 'idle') : 'failed';
          if (!cancelled) {
            crashed = false;
            error = caught instanceof Error ? caught.message : String(caught);
          }
        }
        throw caught;
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  const closedError = () =>
    new OrchestratorError('MCP_SERVER_UNAVAILABLE', `MCP server "${name}" is closed.`, {
      data: { server: name },
    });

  const ready = async (signal: AbortSignal): Promise<ServerConnection> => {
    if (connection !== undefined && state === 'ready') return connection;
    if (connecting !== undefined) return connecting;
    if (state === 'closed') throw closedError();
    if (state === 'failed' && !crashed) {
      throw new OrchestratorError(
        'MCP_SERVER_UNAVAILABLE',
        error ?? `MCP server "${name}" failed to start.`,
        { data: { server: name }, retryable: true },
      );
    }
    return start(signal, crashed);
  };

  const restartAfter = async (dead: ServerConnection, signal: AbortSignal) => {
    if (connection !== undefined && connection !== dead && state === 'ready') return connection;
    if (connecting !== undefined) return connecting;
    if (state === 'closed') throw closedError();
    if (connection === dead) {
      connection = undefined;
      void dead.close();
    }
    return start(signal, true);
  };

  return {
    async connect(signal) {
      if (state === 'ready') return;
      if (state === 'closed') throw closedError();
      await start(signal, crashed);
    },
    async callTool(tool, args, { signal, timeoutMs }) {
      const request = { name: tool, arguments: args };
      const first = await ready(signal);
      try {
        return (await first.client.callTool(request, undefined, {
          signal,
          timeout: timeoutMs,
        })) as CallToolResult;
      } catch (caught) {
        if (state === 'closed') throw closedError();
        if (!isConnectionClosed(caught) || signal.aborted) throw caught;
        const second = await restartAfter(first, signal);
        return (await second.client.callTool(request, undefined, {
          signal,
          timeout: timeoutMs,
        })) as CallToolResult;
      }
    },
    async ping({ signal, timeoutMs }) {
      const current = await ready(signal);
      const started = performance.now();
      await current.client.ping({ signal, timeout: timeoutMs });
      pingMs = Math.round((performance.now() - started) * 100) / 100;
      return pingMs;
    },
    hasTool: (tool) => (state === 'ready' || crashed) && tools.includes(tool),
    status: () => ({
      name,
      transport: config.transport,
      state,
      toolCount: tools.length,
      tools: [...tools],
      connectMs,
      ...(pingMs === undefined ? {} : { pingMs }),
      ...(error === undefined || state === 'ready' ? {} : { error }),
      reconnects,
      ...(connection?.pid === undefined ? {} : { pid: connection.pid }),
    }),
    close() {
      closing ??= (async () => {
        state = 'closed';
        const pending = connecting;
        const current = connection;
        connection = undefined;
        await Promise.allSettled([current?.close(), pending?.then((made) => made.close())]);
      })();
      return closing;
    },
  };
}
