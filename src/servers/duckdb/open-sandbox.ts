import { existsSync } from 'node:fs';

import { HISTORY_SCHEMA } from '../../core/history-tables.js';
import { type HistorySources, listTraceFiles } from './history-sources.js';

// `require`, not `import`: from ESM Node would lex the CommonJS module and its re-exports first.
import duckdb = require('@duckdb/node-api');

type DuckDBConnection = duckdb.DuckDBConnection;
const { DuckDBInstance } = duckdb;

/** Never download an extension; keep one query from taking the machine. */
const SANDBOX_SETTINGS = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  threads: '2',
  memory_limit: '512MB',
};
const LOCKED = /Could not set lock|Conflicting lock|database is locked/i;
const RETRY_MS = 50;

/** The columns of `traces`, one row per span line of a run folder's `trace.jsonl`. */
const TRACE_COLUMNS =
  "{traceId: 'VARCHAR', spanId: 'VARCHAR', parentSpanId: 'VARCHAR', name: 'VARCHAR', " +
  "startTime: 'TIMESTAMPTZ', durationMs: 'DOUBLE', attributes: 'JSON', status: 'JSON', events: 'JSON'}";
const EMPTY_TRACES = `CREATE TABLE traces (run_id VARCHAR, traceId VARCHAR, spanId VARCHAR,
  parentSpanId VARCHAR, name VARCHAR, startTime TIMESTAMPTZ, durationMs DOUBLE, attributes JSON,
  status JSON, events JSON)`;

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Options for {@link withSandbox}. */
export interface SandboxOptions {
  /** Load the run folders' traces into table `traces` (empty otherwise). */
  traces: boolean;
  /** How long to wait for a writer's lock on the history file, in ms. @default 2000 */
  lockWaitMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `body` on a throwaway in-memory DuckDB that sees the history read-only (`runs`,
 * `phases`) and, when asked, the traces as table `traces`; before `body` runs, every file
 * system access (read_csv, COPY, ATTACH, …) is switched off and the settings are locked, so
 * what `body` runs can read nothing else and change nothing that lasts. The history file is
 * attached only for the call, so a run can write it between calls.
 */
export async function withSandbox<T>(
  sources: HistorySources,
  options: SandboxOptions,
  body: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', SANDBOX_SETTINGS);
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    await attachHistory(connection, sources.historyFile, options);
    await loadTraces(connection, options.traces ? listTraceFiles(sources.runsDir) : []);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
    return await body(connection);
  } finally {
    connection?.closeSync();
    instance.closeSync();
  }
}

async function attachHistory(
  connection: DuckDBConnection,
  file: string,
  options: SandboxOptions,
): Promise<void> {
  if (!existsSync(file)) {
    await connection.run(HISTORY_SCHEMA);
    return;
  }
  const deadline = performance.now() + (options.lockWaitMs ?? 2000);
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      await connection.run(`ATTACH ${quote(file)} AS history (READ_ONLY)`);
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!LOCKED.test(message) || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    }
  }
  await connection.run('CREATE VIEW runs AS SELECT * FROM history.runs');
  await connection.run('CREATE VIEW phases AS SELECT * FROM history.phases');
}

async function loadTraces(connection: DuckDBConnection, files: string[]): Promise<void> {
  if (files.length === 0) {
    await connection.run(EMPTY_TRACES);
    return;
  }
  // A line cut short by a crash is skipped (ignore_errors), not a failed query.
  await connection.run(
    `CREATE TABLE traces AS
     SELECT regexp_extract(filename, '([^/\\\\]+)[/\\\\]trace\\.jsonl$', 1) AS run_id,
            * EXCLUDE (filename)
     FROM read_json([${files.map(quote).join(', ')}], format = 'newline_delimited',
                    columns = ${TRACE_COLUMNS}, filename = true, ignore_errors = true)
     WHERE spanId IS NOT NULL`,
  );
}
