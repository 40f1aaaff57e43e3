import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { HISTORY_FILE_NAME, LEGACY_HISTORY_FILE_NAME } from '../core/history-files.js';
import type { RunSample } from '../core/services.js';
import { isDamagedFileError, withDuckDbFile } from './duckdb-file.js';
import {
  type MigrationResult,
  migrateSqliteHistory,
  SQLITE_FILES,
  UnreadableLegacyHistoryError,
} from './migrate-sqlite-history.js';
import { corruptPathOf, moveAside } from './move-aside.js';
import { HISTORY_SCHEMA, HISTORY_SCHEMA_VERSION, insertRecords } from './run-history-schema.js';
import { type RunRecord, RunRecordSchema, type RunSummary, toRunSummary } from './run-record.js';

/** Where the run history reports problems it recovered from. */
export interface RunHistoryLogger {
  warn(message: string): void;
}

/** Options for {@link openRunHistory}. */
export interface OpenRunHistoryOptions {
  /** Database file. @default `<dir>/.mcp-orchestrator/history.duckdb` */
  path?: string;
  /** SQLite history to migrate once. @default `history.db` beside `path` */
  legacyPath?: string;
  /** Told when a damaged file was moved aside or a migration failed. @default dropped */
  logger?: RunHistoryLogger;
  /** How long to wait for another process's lock on the file, in ms. @default 5000 */
  lockWaitMs?: number;
}

/** Which runs to read back. */
export interface RunFilter {
  /** Only runs of this intent kind. @default all kinds */
  kind?: string;
  /** Only runs on this language. @default all languages */
  language?: string;
  /** Most recent runs to return (or to summarise). @default 20 for recent(), 200 for summary() */
  limit?: number;
}

/**
 * The run history: a DuckDB file with a row per run and per phase. The file is opened for
 * each operation and closed after it, so `stats` and the duckdb MCP server can read it while a
 * run goes on (DuckDB lets one process hold a file at a time).
 */
export interface RunHistory {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Where a damaged file was moved, when opening had to recreate it; otherwise `null`. */
  readonly movedAside: string | null;
  /** The SQLite history migrated while opening; otherwise `null`. */
  readonly migrated: MigrationResult | null;
  /** Stores a run (validated); a second record with the same `runId` replaces the first. */
  record(run: RunRecord): Promise<void>;
  /** Most recent runs first. Rows that no longer validate are skipped. */
  recent(filter?: RunFilter): Promise<RunRecord[]>;
  /** Success rate, median and p95 figures over the most recent matching runs. */
  summary(filter?: RunFilter): Promise<RunSummary>;
  /** The most recent runs of a kind and language, as OPTIMIZE's model reads them (limit 50). */
  samples(filter: { kind: string; language: string; limit?: number }): Promise<RunSample[]>;
  /** Refuses further use. Safe to call twice. */
  close(): void;
}

/**
 * Opens (creating it if needed) the run history of the workspace at `dir`, and migrates an
 * earlier SQLite `history.db` into it once. A file that is not a DuckDB database is moved aside
 * (`history.duckdb.corrupt-<time>`) with a warning and a new one is created; a SQLite history
 * that is not a database (or is corrupt) is set aside the same way, once; one that cannot be
 * read for another reason is left in place with a warning.
 * Throws `CACHE_FAILED` when the database cannot be opened at all.
 */
export async function openRunHistory(
  dir: string,
  options: OpenRunHistoryOptions = {},
): Promise<RunHistory> {
  const file = path.resolve(options.path ?? path.join(dir, '.mcp-orchestrator', HISTORY_FILE_NAME));
  const legacy = path.resolve(
    options.legacyPath ?? path.join(path.dirname(file), LEGACY_HISTORY_FILE_NAME),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  const lock = options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs };
  let movedAside: string | null = null;
  let migrated: MigrationResult | null = null;
  const prepare = async (connection: DuckDBConnection): Promise<void> => {
    await createSchema(connection);
    try {
      migrated = await migrateSqliteHistory(legacy, connection);
    } catch (error) {
      if (error instanceof UnreadableLegacyHistoryError && error.damaged) {
        // Not a database at all: set it aside once, so later runs do not warn again.
        const aside = corruptPathOf(legacy);
        moveAside(legacy, aside, SQLITE_FILES);
        options.logger?.warn(
          `Run history ${legacy} was unreadable (${toErrorMessage(error.cause)}); moved it to ${aside}, and ${file} starts without it.`,
        );
        return;
      }
      options.logger?.warn(
        `Run history: ${toErrorMessage(error)}; it was not migrated into ${file} and is left where it is.`,
      );
    }
  };
  try {
    await withDuckDbFile(file, 'read-write', prepare, lock);
  } catch (error) {
    if (!isDamagedFileError(error)) throw failed(file, error);
    movedAside = corruptPathOf(file);
    moveAside(file, movedAside, ['', '.wal']);
    try {
      await withDuckDbFile(file, 'read-write', prepare, lock);
    } catch (retryError) {
      throw failed(file, retryError);
    }
    options.logger?.warn(
      `Run history ${file} was unreadable or not a run history (${toErrorMessage(error)}); moved it to ${movedAside} and started an empty history.`,
    );
  }

  let open = true;
  const use = async <T>(
    mode: 'read-only' | 'read-write',
    body: (c: DuckDBConnection) => Promise<T>,
  ) => {
    if (!open) throw failed(file, new Error('the run history is closed'));
    try {
      return await withDuckDbFile(file, mode, body, lock);
    } catch (error) {
      throw failed(file, error);
    }
  };
  const read = (filter: RunFilter, defaultLimit: number) =>
    use('read-only', (c) => selectRecords(c, filter, defaultLimit));

  return {
    path: file,
    movedAside,
    migrated,
    async record(run) {
      const parsed = RunRecordSchema.safeParse(run);
      if (!parsed.success) {
        throw new OrchestratorError(
          'CACHE_INVALID_INPUT',
          `Run ${String(run.runId)} cannot be stored: ${parsed.error.message}`,
          { data: { runId: run.runId } },
        );
      }
      await use('read-write', (c) => insertRecords(c, [parsed.data]));
    },
    recent: (filter = {}) => read(filter, 20),
    summary: async (filter = {}) => toRunSummary(await read(filter, 200)),
    async samples(filter) {
      const records = await read(filter, filter.limit ?? 50);
      return records.map(toRunSample);
    },
    close() {
      open = false;
    },
  };
}

/** The facts of a run OPTIMIZE's model is fitted to. */
export function toRunSample(record: RunRecord): RunSample {
  return {
    success: record.success,
    fileCount: record.fileCount,
    editCount: record.editCount,
    parallelism: record.parallelism,
    testDurationMs: record.testDurationMs,
    memoryPeakMb: record.memoryPeakMb,
  };
}

async function createSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(HISTORY_SCHEMA);
  const version = await connection.runAndReadAll(
    "SELECT value FROM meta WHERE key = 'schema_version'",
  );
  const found = version.getRowsJson()[0]?.[0];
  if (found !== undefined && found !== String(HISTORY_SCHEMA_VERSION)) {
    throw new Error(
      `it has history layout version ${String(found)}; this mcp-orchestrator reads version ${HISTORY_SCHEMA_VERSION}`,
    );
  }
  await connection.run(
    `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${HISTORY_SCHEMA_VERSION}')`,
  );
}

async function selectRecords(
  connection: DuckDBConnection,
  filter: RunFilter,
  defaultLimit: number,
): Promise<RunRecord[]> {
  const reader = await connection.runAndReadAll(
    `SELECT CAST(record AS VARCHAR) FROM runs
     WHERE ($1::VARCHAR IS NULL OR kind = $1) AND ($2::VARCHAR IS NULL OR language = $2)
     ORDER BY created_at DESC, run_id DESC LIMIT $3::INTEGER`,
    [filter.kind ?? null, filter.language ?? null, filter.limit ?? defaultLimit],
  );
  const records: RunRecord[] = [];
  for (const [text] of reader.getRowsJson()) {
    const parsed = RunRecordSchema.safeParse(parseJson(text));
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}

function failed(file: string, cause: unknown): OrchestratorError {
  return new OrchestratorError(
    'CACHE_FAILED',
    `Run history ${file} is unusable: ${toErrorMessage(cause)}. Delete the file to start over.`,
    { data: { file }, cause },
  );
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
