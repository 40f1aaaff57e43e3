import { z } from 'zod';
import { REPLY_CUT_SHAPE } from './reply-fields.js';
import { defineContract } from './tool-contract.js';

/** Most rows one `query` may ask for. */
export const MAX_QUERY_ROWS = 10_000;

const columnSchema = z.object({ name: z.string(), type: z.string() });

/** `query` on the duckdb server: one read-only SQL statement over the run history and traces. */
export const duckdbQueryContract = defineContract({
  server: 'duckdb',
  tool: 'query',
  description:
    'Run one read-only SQL statement (DuckDB dialect: SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, ' +
    'EXPLAIN) over the run history of mcp-orchestrator. Tables: runs (one row per run: ' +
    'command, kind, language, success, error_code, duration_ms, file_count, edit_count, ' +
    'parallelism, batch_size, test_duration_ms, predicted_test_duration_ms, memory_peak_mb, ' +
    'total_tokens, cache_hits, cache_lookups, record JSON), phases (run_id, seq, phase, ' +
    'success, duration_ms, token_count, retries) and traces (one row per span of every run ' +
    "folder's trace.jsonl: run_id, traceId, spanId, parentSpanId, name, startTime, " +
    'durationMs, attributes JSON, status JSON, events JSON). Writes, files, ATTACH and ' +
    'settings are refused; rows and time are limited (truncated says rows were left out).',
  input: {
    sql: z
      .string()
      .min(1)
      .describe(
        'One SQL statement, e.g. "SELECT phase, median(duration_ms) FROM phases GROUP BY phase".',
      ),
    maxRows: z
      .number()
      .int()
      .positive()
      .max(MAX_QUERY_ROWS)
      .optional()
      .describe('Most rows to return. Default 200.'),
  },
  output: {
    columns: z.array(columnSchema),
    /** Each row as an object keyed by column name; BIGINTs beyond 2^53 and HUGEINTs as strings. */
    rows: z.array(z.record(z.string(), z.unknown())),
    rowCount: z.number().int().nonnegative(),
    elapsedMs: z.number().nonnegative(),
    ...REPLY_CUT_SHAPE,
  },
});

/** `tables` on the duckdb server: the tables `query` can read, and their columns. */
export const duckdbTablesContract = defineContract({
  server: 'duckdb',
  tool: 'tables',
  description:
    'List the tables the query tool reads (runs, phases, traces) with their columns and row counts, and where they come from.',
  input: {},
  output: {
    history: z.string().describe('The run history file (absent until the first run).'),
    runsFolder: z.string().describe('The folder whose <runId>/trace.jsonl files make traces.'),
    tables: z.array(
      z.object({ name: z.string(), rows: z.number().int(), columns: z.array(columnSchema) }),
    ),
  },
});
