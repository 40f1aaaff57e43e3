import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { createLazySchemaValidator } from './lazy-schema-validator.js';
import type { McpServerConfig } from './mcp-config-schema.js';
import { createStderrTail, type StderrTail } from './stderr-tail.js';
import { toStdioLaunch } from './stdio-launch.js';
import { createStdioProcessTransport } from './stdio-process-transport.js';

/** A live connection to one server. */
export interface ServerConnection {
  client: Client;
  /** Tool names the server listed. */
  tools: string[];
  /** Process id of a stdio server. */
  pid: number | undefined;
  /** Spawn (or HTTP handshake) + initialize + list tools, in ms. */
  connectMs: number;
  /**
   * When the process was spawned early (before the pool existed) and taken over here: how long
   * before this connect it was spawned, in ms. `connectMs` then counts from the takeover.
   */
  prestartedMs?: number;
  stderr: StderrTail;
  /** Tells the server its roots changed (`notifications/roots/list_changed`); it then asks for them. */
  notifyRootsChanged(): Promise<void>;
  /** Stops the server (stdio: stdin, grace, SIGTERM, grace, SIGKILL). Safe to call twice. */
  close(): Promise<void>;
}

/** Options for {@link connectServer}. */
export interface ConnectServerOptions {
  /** Working directory of stdio servers without their own `cwd`. */
  workspace: string;
  /** Deadline for the whole connect, in ms. */
  timeoutMs: number;
  /** Grace after each stop step, in ms. */
  stopGraceMs: number;
  signal?: AbortSignal;
  /** Called once if the connection closes by itself (the process died, the socket closed). */
  onClosed: (reason: string) => void;
  /**
   * Offer the MCP roots capability: the server's `roots/list` is answered with these absolute
   * folders, read at each request. @default roots are not offered
   */
  roots?: () => readonly string[];
}

const CLIENT_INFO = { name: 'mcp-orchestrator', version: '0.1.0' };

/** Shared by every client of this process: output schemas compile on a tool's first call. */
const OUTPUT_VALIDATOR = createLazySchemaValidator();

function createTransport(
  config: McpServerConfig,
  options: ConnectServerOptions,
): {
  transport: Transport;
  stderr: StderrTail;
  pid: () => number | undefined;
  prestartedMs: () => number | undefined;
} {
  if (config.transport === 'http') {
    const transport = new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: config.headers },
    });
    const none = () => undefined;
    return { transport, stderr: createStderrTail(null), pid: none, prestartedMs: none };
  }
  const transport = createStdioProcessTransport({
    ...toStdioLaunch(config, options.workspace),
    stopGraceMs: options.stopGraceMs,
  });
  return {
    transport,
    stderr: createStderrTail(transport.stderr),
    pid: () => transport.pid,
    prestartedMs: () => transport.prestartedMs,
  };
}

async function listAllTools(client: Client, signal: AbortSignal, timeoutMs: number) {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor }, {
      signal,
      timeout: timeoutMs,
    });
    names.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return names.sort();
}

function describeFailure(name: string, error: unknown, timedOut: boolean, timeoutMs: number) {
  return timedOut
    ? `MCP server "${name}" did not finish starting within ${timeoutMs} ms`
    : `MCP server "${name}" failed to start: ${toErrorMessage(error)}`;
}

/**
 * Starts (stdio) or reaches (http) one server, initializes it and lists its tools within
 * `timeoutMs`. Throws `MCP_SERVER_UNAVAILABLE` with the reason and the server's last stderr
 * lines, or `CANCELLED`; a half-started process is always stopped.
 */
export async function connectServer(
  name: string,
  config: McpServerConfig,
  options: ConnectServerOptions,
): Promise<ServerConnection> {
  const started = performance.now();
  const { transport, stderr, pid, prestartedMs } = createTransport(config, options);
  const roots = options.roots;
  const client = new Client(CLIENT_INFO, {
    capabilities: roots ? { roots: { listChanged: true } } : {},
    jsonSchemaValidator: OUTPUT_VALIDATOR,
  });
  if (roots) {
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: roots().map((dir) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) })),
    }));
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const deadline =
    options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  let state: 'connecting' | 'open' | 'closing' = 'connecting';
  let stopped: Promise<void> | undefined;
  const close = (): Promise<void> => {
    state = 'closing';
    // The stdio transport stops the whole process tree in steps.
    stopped ??= client.close().catch(() => undefined);
    return stopped;
  };
  client.onclose = () => {
    if (state !== 'open') return;
    state = 'closing';
    // Let the last stderr chunks arrive before explaining the exit.
    setImmediate(() => {
      const tail = stderr.text();
      options.onClosed(
        `the connection closed unexpectedly${tail === '' ? '' : `; stderr: ${tail}`}`,
      );
      void close();
    });
  };
  try {
    await client.connect(transport, { signal: deadline, timeout: options.timeoutMs });
    const tools = await listAllTools(client, deadline, options.timeoutMs);
    state = 'open';
    const early = prestartedMs();
    return {
      client,
      tools,
      pid: pid(),
      connectMs: Math.round(performance.now() - started),
      ...(early === undefined ? {} : { prestartedMs: early }),
      stderr,
      notifyRootsChanged: () => client.sendRootsListChanged(),
      close,
    };
  } catch (error) {
    await close();
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', `Connecting to MCP server "${name}" was cancelled.`);
    }
    const tail = stderr.text();
    throw new OrchestratorError(
      'MCP_SERVER_UNAVAILABLE',
      `${describeFailure(name, error, timeout.aborted, options.timeoutMs)}.${tail === '' ? '' : ` Its stderr ends with: ${tail}`}`,
      { cause: error, retryable: true, data: { server: name, stderr: tail } },
    );
  }
}
