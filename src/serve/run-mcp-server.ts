import path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { MCPOrchestrator } from '../orchestrator.js';
import { createOrchestratorServer } from './create-orchestrator-server.js';
import { parseListenAddress } from './listen-address.js';
import { resolveBearerToken } from './resolve-bearer-token.js';
import { runHttpServer } from './run-http-server.js';
import type { ServeContext } from './serve-context.js';

/** Options for {@link startMcpServer} (the flags of `mcp-orchestrator mcp`). */
export interface McpServerOptions {
  /** Where calls that name no workspace run. @default process.cwd() */
  workspace?: string;
  /** `[host:]port` for Streamable HTTP; stdio when absent. */
  http?: string;
  /** Bearer token for HTTP clients (else `ORCHESTRATOR_MCP_TOKEN`); required beyond loopback. */
  token?: string;
  /** Close a repository's warm services after this long without a call, in ms. @default 600000 */
  idleTimeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
  /** Told once the server listens (the HTTP URL, or "stdio"). */
  onListening?: (where: string) => void;
}

/** A running server. */
export interface RunningMcpServer {
  /** Resolves when a stdio client hung up (never for HTTP, which runs until `close`). */
  readonly done: Promise<void>;
  /** Stops serving, then closes every repository's warm services. Safe to call twice. */
  close(): Promise<string[]>;
}

/**
 * Starts the orchestrator as an MCP server, on stdio or Streamable HTTP. Flags are checked
 * before anything starts (`BAD_INPUT`: a bad address, a missing or short token).
 */
export async function startMcpServer(options: McpServerOptions = {}): Promise<RunningMcpServer> {
  const env = options.env ?? process.env;
  const address = options.http === undefined ? undefined : parseListenAddress(options.http);
  const token = address ? resolveBearerToken(address, options.token, env) : undefined;
  const orchestrator = new MCPOrchestrator({
    keepWarm: options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs },
  });
  const shutdown = new AbortController();
  const context: ServeContext = {
    orchestrator,
    defaultWorkspace: path.resolve(options.workspace ?? process.cwd()),
    roots: new Set(),
    shutdown: shutdown.signal,
  };
  if (address === undefined) {
    const server = createOrchestratorServer(context);
    const transport = new StdioServerTransport();
    let hungUp: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      hungUp = resolve;
    });
    transport.onclose = () => hungUp();
    process.stdin.once('end', () => hungUp());
    await server.connect(transport);
    options.onListening?.('stdio');
    let closing: Promise<string[]> | undefined;
    return {
      done,
      close() {
        closing ??= (async () => {
          shutdown.abort(new Error('the MCP server is shutting down'));
          await server.close().catch(() => {});
          return orchestrator.close();
        })();
        return closing;
      },
    };
  }
  const http = await runHttpServer(context, address, token);
  options.onListening?.(http.url);
  let closing: Promise<string[]> | undefined;
  return {
    done: new Promise<void>(() => {}),
    close() {
      closing ??= (async () => {
        shutdown.abort(new Error('the MCP server is shutting down'));
        await http.close();
        return orchestrator.close();
      })();
      return closing;
    },
  };
}
