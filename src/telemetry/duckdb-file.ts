import { createRequire } from 'node:module';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { toErrorMessage } from '../core/errors.js';

/** How a DuckDB file is opened. */
export type DuckDbMode = 'read-write' | 'read-only';

/** Options for {@link withDuckDbFile}. */
export interface WithDuckDbOptions {
  /** How long to keep trying while another process holds the file's lock, in ms. @default 5000 */
  lockWaitMs?: number;
  signal?: AbortSignal;
}

/** Never download an extension: json and parquet are built in, and nothing else is needed. */
const OFFLINE = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };
const LOCKED = /Could not set lock|Conflicting lock|database is locked/i;
const RETRY_MS = 50;

/**
 * Opens the DuckDB file `file`, runs `body` on one connection and closes both, whatever
 * happens. DuckDB lets one process write a file at a time, so the run history is opened per
 * operation and never held: while another process (`stats`, the duckdb MCP server) holds the
 * lock, opening is retried for `lockWaitMs`.
 */
export async function withDuckDbFile<T>(
  file: string,
  mode: DuckDbMode,
  body: (connection: DuckDBConnection) => Promise<T>,
  options: WithDuckDbOptions = {},
): Promise<T> {
  const instance = await openInstance(file, mode, options);
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    return await body(connection);
  } finally {
    connection?.closeSync();
    instance.closeSync();
  }
}

const requireDuckDb = (): typeof import('@duckdb/node-api') =>
  createRequire(import.meta.url)('@duckdb/node-api');

async function openInstance(
  file: string,
  mode: DuckDbMode,
  options: WithDuckDbOptions,
): Promise<DuckDBInstance> {
  // Loaded on the first open, not with the orchestrator: ~180 modules and a native addon (~0.2 s);
  // with `require`, as `import` of CommonJS from ESM lexes each re-exported file for its names.
  const { DuckDBInstance } = requireDuckDb();
  const deadline = performance.now() + (options.lockWaitMs ?? 5000);
  const settings = { ...OFFLINE, access_mode: mode === 'read-only' ? 'READ_ONLY' : 'READ_WRITE' };
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      return await DuckDBInstance.create(file, settings);
    } catch (error) {
      if (!LOCKED.test(toErrorMessage(error)) || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    }
  }
}

/** True when DuckDB refused `file` because it is not a DuckDB database (or is damaged). */
export function isDamagedFileError(error: unknown): boolean {
  return /not a valid DuckDB database|Corrupt|checksum|database file .* is not/i.test(
    toErrorMessage(error),
  );
}
