import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';

const CALL_TIMEOUT_MS = 600_000;
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** One timed tool call: how long it took and its structured result. */
export interface TimedCall<T> {
  ms: number;
  data: T;
}

/** The bundled dependency_graph server over MCP stdio, as the orchestrator starts it. */
export interface RawServer {
  /** Spawn and MCP handshake. */
  connectMs: number;
  /** Calls `name`; throws with the server's message when the tool reports an error. */
  call<T>(name: string, args: Record<string, unknown>): Promise<TimedCall<T>>;
  close(): Promise<void>;
}

/**
 * Starts the built dependency_graph server on `dir` (`npm run build` first);
 * `cpuProfileDir` writes a CPU profile of it there.
 */
export async function openRawServer(dir: string, cpuProfileDir?: string): Promise<RawServer> {
  const client = new Client({ name: 'bench', version: '1' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : []),
      path.join(ROOT, 'dist', 'servers', 'dependency-graph', 'main.js'),
      '--root',
      dir,
    ],
    env: getDefaultEnvironment(),
  });
  const started = performance.now();
  await client.connect(transport);
  const connectMs = performance.now() - started;
  return {
    connectMs,
    async call<T>(name: string, args: Record<string, unknown>) {
      const callStarted = performance.now();
      const result = (await client.callTool({ name, arguments: args }, undefined, {
        timeout: CALL_TIMEOUT_MS,
      })) as { isError?: boolean; content?: Array<{ text?: string }>; structuredContent?: unknown };
      if (result.isError === true)
        throw new Error(`${name} failed: ${result.content?.map((c) => c.text).join(' ')}`);
      return { ms: performance.now() - callStarted, data: result.structuredContent as T };
    },
    close: () => client.close(),
  };
}
