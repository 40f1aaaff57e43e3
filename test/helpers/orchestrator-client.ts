import { readdirSync, readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  type CallToolResult,
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type CreateMessageResult,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { CLI } from './fixture-repo.js';

/** `mcp-orchestrator mcp` on stdio, driven by the official SDK client. */
export interface OrchestratorClient {
  client: Client;
  /** Process id of the server. */
  pid: number;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  /** Calls a tool and returns its result; `onProgress` sees each progress notification. */
  call(
    tool: string,
    args: Record<string, unknown>,
    options?: { onProgress?: (progress: Progress) => void; signal?: AbortSignal },
  ): Promise<CallToolResult & { structuredContent?: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Starts the built CLI's MCP server with `args` (after `mcp`) and connects to it. */
export async function connectOrchestrator(
  args: string[],
  env: Record<string, string> = {},
  options: {
    /** Offers `sampling` and answers the server's `sampling/createMessage` with this. */
    sampling?: (request: CreateMessageRequest) => CreateMessageResult;
  } = {},
): Promise<OrchestratorClient> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', ...args],
    env: { ...getDefaultEnvironment(), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client(
    { name: 'orchestrator-test', version: '1.0.0' },
    options.sampling ? { capabilities: { sampling: {} } } : {},
  );
  const { sampling } = options;
  if (sampling)
    client.setRequestHandler(CreateMessageRequestSchema, (request) => sampling(request));
  await client.connect(transport);
  return {
    client,
    pid: transport.pid ?? -1,
    stderr: () => stderr,
    async call(tool, toolArgs, options = {}) {
      return (await client.callTool({ name: tool, arguments: toolArgs }, undefined, {
        timeout: 240_000,
        ...(options.onProgress ? { onprogress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })) as CallToolResult & { structuredContent?: Record<string, unknown> };
    },
    close: () => client.close(),
  };
}

/** Processes whose parent is `pid` and whose command line contains `match`. */
export function findChildProcesses(pid: number, match: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(match)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found.sort((a, b) => a - b);
}
