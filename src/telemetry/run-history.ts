import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { type RunRecord, RunRecordSchema, type RunSummary, toRunSummary } from './run-record.js';

/** Where the run history reports problems it recovered from. */
export interface RunHistoryLogger {
  warn(message: string): void;
}

/** Options for {@link openRunHistory}. */
export interface OpenRunHistoryOptions {
  /** Database file. @default `<dir>/.mcp-orchestrator/history.db` */
  path?: string;
  /** Told when a damaged file was moved aside. @default warnings are dropped (see `movedAside`) */
  logger?: RunHistoryLogger;
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

/** The run history: one SQLite (WAL) row per finished run. */
export interface RunHistory {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Where a damaged file was moved, when opening had to recreate it; otherwise `null`. */
  readonly movedAside: string | null;
  /** Stores a run (validated); a second record with the same `runId` replaces the first. */
  record(run: RunRecord): void;
  /** Most recent runs first. Rows that no longer validate are skipped. */
  recent(filter?: RunFilter): RunRecord[];
  /** Success rate, median and p95 figures over the most recent matching runs. */
  summary(filter?: RunFilter): RunSummary;
  /** Closes the database. Safe to call twice. */
  close(): void;
}

const SCHEMA_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  language TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_kind ON runs (kind, language, created_at);
`;
const DAMAGE = /SQLITE_(NOTADB|CORRUPT)/;

/**
 * Opens (creating it if needed) the run history of the workspace at `dir`. A file that is not a
 * readable run history is moved aside (`history.db.corrupt-<time>`) with a warning to
 * `options.logger`, and a new one is created.
 * Throws `CACHE_FAILED` when the database cannot be opened at all.
 */
export function openRunHistory(dir: string, options: OpenRunHistoryOptions = {}): RunHistory {
  const file = path.resolve(options.path ?? path.join(dir, '.mcp-orchestrator', 'history.db'));
  mkdirSync(path.dirname(file), { recursive: true });
  let movedAside: string | null = null;
  let db: Database.Database;
  try {
    db = openChecked(file);
  } catch (error) {
    if (!isDamage(error)) throw failed(file, error);
    movedAside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${movedAside}${suffix}`);
    }
    try {
      db = openChecked(file);
    } catch (retryError) {
      throw failed(file, retryError);
    }
    options.logger?.warn(
      `Run history ${file} was unreadable or not a run history (${toErrorMessage(error)}); moved it to ${movedAside} and started an empty history.`,
    );
  }
  const insert = db.prepare(
    'INSERT OR REPLACE INTO runs (run_id, created_at, kind, language, record) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare(
    `SELECT record FROM runs
     WHERE (@kind IS NULL OR kind = @kind) AND (@language IS NULL OR language = @language)
     ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  let open = true;
  const read = (filter: RunFilter, defaultLimit: number): RunRecord[] => {
    if (!open) throw failed(file, new Error('the run history is closed'));
    const rows = select.pluck().all({
      kind: filter.kind ?? null,
      language: filter.language ?? null,
      limit: filter.limit ?? defaultLimit,
    }) as unknown[];
    const records: RunRecord[] = [];
    for (const row of rows) {
      const parsed = RunRecordSchema.safeParse(parseJson(row));
      if (parsed.success) records.push(parsed.data);
    }
    return records;
  };

  return {
    path: file,
    movedAside,
    record(run) {
      if (!open) throw failed(file, new Error('the run history is closed'));
      const parsed = RunRecordSchema.safeParse(run);
      if (!parsed.success) {
        throw new OrchestratorError(
          'CACHE_INVALID_INPUT',
          `Run ${String(run.runId)} cannot be stored: ${parsed.error.message}`,
          {
            data: { runId: run.runId },
          },
        );
      }
      const r = parsed.data;
      insert.run(
        r.runId,
        new Date(r.createdAt).toISOString(),
        r.kind,
        r.language,
        JSON.stringify(r),
      );
    },
    recent(filter = {}) {
      return read(filter, 20);
    },
    summary(filter = {}) {
      return toRunSummary(read(filter, 200));
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

function openChecked(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    if (version !== 0 && version !== SCHEMA_VERSION) {
      throw Object.assign(new Error(`unknown history schema version ${String(version)}`), {
        code: 'SQLITE_NOTADB',
      });
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE.test(code);
}

function failed(file: string, cause: unknown): OrchestratorError {
  return new OrchestratorError(
    'CACHE_FAILED',
    `Run history ${file} is unusable: ${toErrorMessage(cause)}. Delete the file to start over.`,
    {
      data: { file },
      cause,
    },
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
