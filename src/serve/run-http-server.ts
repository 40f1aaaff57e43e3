import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { createOrchestratorServer } from './create-orchestrator-server.js';
import { isLoopback, type ListenAddress } from './listen-address.js';
import { hasBearerToken } from './resolve-bearer-token.js';
import type { ServeContext } from './serve-context.js';

/** The path the MCP endpoint is served at. */
export const MCP_PATH = '/mcp';

/** A listening Streamable HTTP server. */
export interface HttpMcpServer {
  /** `http://host:port/mcp`, with the port actually bound. */
  readonly url: string;
  /** Closes every session and stops listening. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serves the orchestrator over Streamable HTTP at `/mcp`: one MCP session (and server) per
 * client, every session sharing the context's orchestrator; SSE streams carry progress. With a
 * token every request needs `Authorization: Bearer <token>` (401 otherwise). On a loopback bind
 * requests whose Host is not a loopback name are refused (403), against DNS rebinding.
 */
export async function runHttpServer(
  context: ServeContext,
  address: ListenAddress,
  token: string | undefined,
): Promise<HttpMcpServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== MCP_PATH)
      return reply(response, 404, `Not found: the MCP endpoint is ${MCP_PATH}.`);
    if (address.loopback && !isLoopbackHost(request.headers.host)) {
      return reply(
        response,
        403,
        'Forbidden: this server answers only requests to a loopback host.',
      );
    }
    if (token !== undefined && !hasBearerToken(request.headers.authorization, token)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      return reply(response, 401, 'Unauthorized: send "Authorization: Bearer <token>".');
    }
    const sessionId = request.headers['mcp-session-id'];
    const known = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (known !== undefined) return known.handleRequest(request, response);
    if (sessionId !== undefined) return reply(response, 404, 'Unknown or closed MCP session.');
    if (request.method !== 'POST')
      return reply(response, 400, 'Start a session with an initialize POST.');
    const body = await readJsonBody(request).catch(() => undefined);
    if (body === undefined || !isInitializeRequest(body)) {
      return reply(response, 400, 'Bad request: the first message of a session is initialize.');
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await createOrchestratorServer(context).connect(transport);
    await transport.handleRequest(request, response, body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, `Internal error: ${String(error)}`);
      else response.end();
    });
  });
  await listen(server, address);
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${bound.port}${MCP_PATH}`,
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...sessions.values()].map((transport) => transport.close()));
        sessions.clear();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

function listen(server: Server, address: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function isLoopbackHost(header: string | undefined): boolean {
  if (header === undefined) return false;
  const host = header.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return isLoopback(host);
}

/** Most bytes of a first (initialize) request body. */
const MAX_INITIALIZE_BYTES = 1024 * 1024;

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_INITIALIZE_BYTES) throw new Error('initialize request too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
