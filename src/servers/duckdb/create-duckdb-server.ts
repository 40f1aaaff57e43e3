import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { duckdbQueryContract, duckdbTablesContract } from '../../contracts/duckdb.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../shared/reply-cap.js';
import { runTool } from '../shared/tool-result.js';
import { resolveHistorySources } from './history-sources.js';
import { listTables } from './list-tables.js';
import { runReadOnlyQuery } from './run-read-only-query.js';

/** Options for {@link createDuckdbServer}. */
export interface DuckdbServerOptions {
  /** Workspace root (a real path); the history is that repository's `.mcp-orchestrator/`. */
  root: string;
  /** Rows a query returns when it does not say. @default 200 */
  defaultMaxRows?: number;
  /** Wall-time limit of one query, in ms. @default 10000 */
  timeoutMs?: number;
  /** Cap on one reply's JSON, in bytes. @default 4 MiB */
  maxReplyBytes?: number;
}

/** The duckdb MCP server and its tear-down. */
export interface DuckdbServer {
  server: McpServer;
  /** Interrupts running queries and closes the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Creates the `duckdb` MCP server: `query` (one read-only SQL statement over the run history
 * and the run folders' traces, with a row and time limit) and `tables` (what it can read).
 * Each call runs in a fresh in-memory DuckDB with file access switched off.
 */
export function createDuckdbServer(options: DuckdbServerOptions): DuckdbServer {
  const server = new McpServer({ name: 'duckdb', version: '0.1.0' });
  const sources = resolveHistorySources(options.root);
  const closing = new AbortController();
  const replyLimits = { maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES };
  const limits = (maxRows: number | undefined) => ({
    maxRows: maxRows ?? options.defaultMaxRows ?? 200,
    timeoutMs: options.timeoutMs ?? 10_000,
  });

  server.registerTool(
    duckdbQueryContract.tool,
    {
      description: duckdbQueryContract.description,
      inputSchema: duckdbQueryContract.input,
      outputSchema: duckdbQueryContract.output,
      annotations: { readOnlyHint: true },
    },
    (input, extra) =>
      runTool(
        async () => ({
          ...(await runReadOnlyQuery(
            sources,
            input.sql,
            limits(input.maxRows),
            AbortSignal.any([extra.signal, closing.signal]),
          )),
        }),
        duckdbQueryContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    duckdbTablesContract.tool,
    {
      description: duckdbTablesContract.description,
      inputSchema: duckdbTablesContract.input,
      outputSchema: duckdbTablesContract.output,
      annotations: { readOnlyHint: true },
    },
    (_input, extra) =>
      runTool(
        async () => ({
          ...(await listTables(sources, AbortSignal.any([extra.signal, closing.signal]))),
        }),
        duckdbTablesContract.output,
        replyLimits,
      ),
  );

  let closed: Promise<void> | undefined;
  return {
    server,
    close() {
      closed ??= (async () => {
        closing.abort();
        await server.close();
      })();
      return closed;
    },
  };
}
