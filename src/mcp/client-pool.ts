import { OrchestratorError } from '../core/errors.js';
import type { ToolCaller, ToolCallOptions } from '../core/services.js';
import { NO_SPANS, type SpanRunner } from '../core/spans.js';
import { createLimiter } from './create-limiter.js';
import type { McpServersConfig } from './mcp-config-schema.js';
import { createServerSession, type ServerSession } from './server-session.js';
import type { ServerStatus } from './server-status.js';
import { toCallError } from './to-call-error.js';
import { toToolOutput } from './to-tool-output.js';
import {
  toConnectAttributes,
  toToolCallAttributes,
  toToolResultAttributes,
} from './tool-call-attributes.js';

/** Options for {@link createClientPool}. */
export interface ClientPoolOptions {
  /** Workspace root: the working directory of stdio servers without their own `cwd`. */
  workspace: string;
  /** Resolved servers by name (see `resolveMcpServers`). */
  servers: McpServersConfig;
  /** Most tool calls in flight across all servers (`CLAUDE_CODE_PARALLELISM`). */
  parallelism: number;
  /** Deadline for starting one server (spawn, initialize, list tools), in ms. @default 15000 */
  connectTimeoutMs?: number;
  /** Deadline for one tool call when the call gives none, in ms. @default 30000 */
  callTimeoutMs?: number;
  /** Wait after each step of stopping a server (stdin close, SIGTERM), in ms. @default 1000 */
  stopGraceMs?: number;
  /** Where each tool call and connect opens its span. @default no spans */
  spans?: SpanRunner;
  /** Servers offered the MCP roots capability (their roots are set with `setRoots`). @default none */
  rootsFor?: readonly string[];
  /** Record each call's arguments and result in its span (`ORCHESTRATOR_TRACE_CONTENT=1`). @default false */
  recordContent?: boolean;
}

/** The MCP client pool: a {@link ToolCaller} with connection management. */
export interface ClientPool extends ToolCaller {
  /**
   * Connects the named servers (default: all) in parallel, each within `connectTimeoutMs`.
   * A server that fails is recorded in its status with the reason; this never throws for it.
   * Throws `CANCELLED` when `signal` aborts.
   */
  connect(names?: readonly string[], options?: { signal?: AbortSignal }): Promise<ServerStatus[]>;
  /** A snapshot of every configured server, in configuration order. */
  status(): ServerStatus[];
  /**
   * Sets the roots server `name` is offered (it must be in `rootsFor`) and tells it, when it is
   * connected, that they changed; the server applies them on its own time.
   */
  setRoots(name: string, dirs: readonly string[]): Promise<void>;
  /** Pings `name` (connecting it if idle); returns the round trip in ms. */
  ping(name: string, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<number>;
  /** Stops every server (stdin, grace, SIGTERM, grace, SIGKILL). Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const DEFAULT_STOP_GRACE_MS = 1_000;

/**
 * Creates the client pool. Nothing starts until `connect()` or the first call to a server.
 * Tool calls run at most `parallelism` at once, in arrival order, each under
 * `AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])`; a server whose process dies
 * is restarted once per call and the call retried.
 */
export function createClientPool(options: ClientPoolOptions): ClientPool {
  const limiter = createLimiter(options.parallelism);
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const spans = options.spans ?? NO_SPANS;
  const recordContent = options.recordContent ?? false;
  let reconnectTotal = 0;
  let closing: Promise<void> | undefined;
  const sessions = new Map<string, ServerSession>();
  for (const [name, config] of Object.entries(options.servers)) {
    sessions.set(
      name,
      createServerSession(name, config, {
        workspace: options.workspace,
        connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        stopGraceMs: options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
        onReconnect: () => {
          reconnectTotal++;
        },
        offersRoots: options.rootsFor?.includes(name) === true,
      }),
    );
  }

  const sessionFor = (name: string): ServerSession => {
    const session = sessions.get(name);
    if (closing !== undefined) {
      throw new OrchestratorError('MCP_SERVER_UNAVAILABLE', 'The MCP client pool is closed.', {
        data: { server: name },
      });
    }
    if (session === undefined) {
      throw new OrchestratorError(
        'MCP_SERVER_UNAVAILABLE',
        `No MCP server named "${name}". Configured: ${[...sessions.keys()].join(', ') || 'none'}. Add it to .mcp.json.`,
        { data: { server: name, configured: [...sessions.keys()] } },
      );
    }
    return session;
  };

  const status = (): ServerStatus[] => [...sessions.values()].map((session) => session.status());

  return {
    serverNames: () => [...sessions.keys()],
    hasTool: (server, tool) => sessions.get(server)?.hasTool(tool) ?? false,
    reconnectCount: () => reconnectTotal,
    status,

    async connect(names, connectOptions = {}) {
      const chosen = names ?? [...sessions.keys()];
      const targets = chosen.map((name) => sessionFor(name));
      const signal = connectOptions.signal;
      await Promise.allSettled(
        targets.map((session) => {
          const { name, state } = session.status();
          // One span per start: a server already up, or starting for an earlier call, is waited for.
          if (state === 'ready' || state === 'starting') return session.connect(signal);
          return spans.withSpan(`mcp.connect ${name}`, {}, async (span) => {
            try {
              await session.connect(signal);
            } finally {
              span.setAttributes(toConnectAttributes(session.status()));
            }
          });
        }),
      );
      if (signal?.aborted === true) {
        throw new OrchestratorError('CANCELLED', 'Connecting to MCP servers was cancelled.');
      }
      return targets.map((session) => session.status());
    },

    async callTool<T = Record<string, unknown>>(
      server: string,
      tool: string,
      args: Record<string, unknown>,
      callOptions: ToolCallOptions = {},
    ): Promise<T> {
      const session = sessionFor(server);
      const timeoutMs = callOptions.timeoutMs ?? callTimeoutMs;
      return spans.withSpan(
        `tools/call ${tool}`,
        toToolCallAttributes(server, tool, args, session.status().transport, recordContent),
        async (span) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          const deadline =
            callOptions.signal === undefined
              ? timeout
              : AbortSignal.any([callOptions.signal, timeout]);
          let retries = 0;
          try {
            const result = await limiter.run(
              () =>
                session.callTool(tool, args, {
                  signal: deadline,
                  timeoutMs,
                  onRetry: () => {
                    retries++;
                  },
                }),
              deadline,
            );
            span.setAttributes(toToolResultAttributes(result, retries, recordContent));
            return toToolOutput(server, tool, result) as T;
          } catch (error) {
            span.setAttributes({ 'mcp.request.retries': retries });
            throw toCallError(error, {
              server,
              tool,
              timeoutMs,
              signal: callOptions.signal,
              deadline,
            });
          }
        },
      );
    },

    setRoots: (name, dirs) => sessionFor(name).setRoots(dirs),

    async ping(name, pingOptions = {}) {
      const session = sessionFor(name);
      const timeoutMs = pingOptions.timeoutMs ?? callTimeoutMs;
      const timeout = AbortSignal.timeout(timeoutMs);
      const deadline =
        pingOptions.signal === undefined ? timeout : AbortSignal.any([pingOptions.signal, timeout]);
      try {
        return await session.ping({ signal: deadline, timeoutMs });
      } catch (error) {
        throw toCallError(error, {
          server: name,
          tool: 'ping',
          timeoutMs,
          signal: pingOptions.signal,
          deadline,
        });
      }
    },

    close() {
      closing ??= (async () => {
        const results = await Promise.allSettled(
          [...sessions.values()].reverse().map((session) => session.close()),
        );
        const failures = results.filter((result) => result.status === 'rejected');
        if (failures.length > 0) {
          throw new AggregateError(
            failures.map((failure) => failure.reason),
            `Closing ${failures.length} MCP server(s) failed.`,
          );
        }
      })();
      return closing;
    },
  };
}
