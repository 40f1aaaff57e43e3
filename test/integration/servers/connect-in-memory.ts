import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** A tool error as the bundled servers put it on the wire. */
export interface WireToolError {
  code: string;
  message: string;
  data: Record<string, unknown>;
}

/** A client connected in-process to `server`, with helpers that read replies. */
export interface InMemoryClient {
  client: Client;
  /** Calls `name` and returns its structured content; fails the test on a tool error. */
  call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Calls `name`, expects a tool error and returns it parsed. */
  callError(name: string, args: Record<string, unknown>): Promise<WireToolError>;
  /** Calls `name` and returns the byte length of its JSON text reply. */
  replyBytes(name: string, args: Record<string, unknown>): Promise<number>;
}

/** Connects a real SDK client to `server` over the SDK's `InMemoryTransport`. */
export async function connectInMemory(server: McpServer): Promise<InMemoryClient> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'in-memory-test', version: '0.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const textOf = (result: Awaited<ReturnType<Client['callTool']>>): string => {
    const [content] = result.content as Array<{ type: string; text?: string }>;
    return content?.text ?? '';
  };
  return {
    client,
    async call(name, args) {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError === true) throw new Error(`${name} failed: ${textOf(result)}`);
      return result.structuredContent as Record<string, unknown>;
    },
    async callError(name, args) {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError !== true) {
        throw new Error(`${name} succeeded, expected an error: ${textOf(result).slice(0, 500)}`);
      }
      return JSON.parse(textOf(result)) as WireToolError;
    },
    async replyBytes(name, args) {
      const result = await client.callTool({ name, arguments: args });
      return Buffer.byteLength(textOf(result), 'utf8');
    },
  };
}
