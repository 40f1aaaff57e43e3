import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DuckDBConnection } from '@duckdb/node-api';
import type BetterSqlite3 from 'better-sqlite3';

import { toErrorMessage } from '../core/errors.js';
import { MIGRATED_SUFFIX } from '../core/history-files.js';
import { moveAside } from './move-aside.js';
import { insertRecords } from './run-history-schema.js';
import { type RunRecord, RunRecordSchema } from './run-record.js';

/** `require`, not `import`: from ESM Node would lex the CommonJS module for named exports first. */
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/** What a migration did. */
export interface MigrationResult {
  /** The SQLite file that was read. */
  from: string;
  /** Where it was moved once its rows were in DuckDB. */
  movedTo: string;
  /** Rows copied. */
  runs: number;
  /** Rows that no longer validated and were left out. */
  skipped: number;
}

/** A SQLite database file and its companions (write-ahead log, shared memory). */
export const SQLITE_FILES: readonly string[] = ['', '-wal', '-shm'];

/**
 * Copies every run of the SQLite history at `legacyFile` (the `runs` table of earlier versions,
 * read with better-sqlite3 — DuckDB's sqlite scanner is a download) into the DuckDB history,
 * then renames the file to `history.db.migrated` so it is migrated once. Returns `null` when
 * there is no such file. Throws when it cannot be read; the file is then left where it is.
 */
export async function migrateSqliteHistory(
  legacyFile: string,
  connection: DuckDBConnection,
): Promise<MigrationResult | null> {
  if (!existsSync(legacyFile)) return null;
  const rows = readLegacyRows(legacyFile);
  const records: RunRecord[] = [];
  for (const row of rows) {
    const parsed = RunRecordSchema.safeParse(parseJson(row));
    if (parsed.success) records.push(parsed.data);
  }
  await insertRecords(connection, records);
  const movedTo = `${legacyFile}${MIGRATED_SUFFIX}`;
  moveAside(legacyFile, movedTo, SQLITE_FILES);
  return { from: legacyFile, movedTo, runs: records.length, skipped: rows.length - records.length };
}

/** A SQLite history that could not be read; `damaged` when SQLite says it is not a database or is corrupt. */
export class UnreadableLegacyHistoryError extends Error {
  readonly damaged: boolean;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`the SQLite history ${file} is unreadable: ${toErrorMessage(cause)}`, { cause });
    const code = (cause as { code?: unknown } | null)?.code;
    this.damaged = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
  }
}

function readLegacyRows(file: string): unknown[] {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const hasRuns = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'")
      .pluck()
      .get();
    if (hasRuns === 0) return [];
    return db.prepare('SELECT record FROM runs ORDER BY created_at, rowid').pluck().all();
  } catch (error) {
    throw new UnreadableLegacyHistoryError(file, error);
  } finally {
    db?.close();
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
