import type Database from 'better-sqlite3';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import {
  type CacheLogger,
  isDatabaseDamage,
  moveDatabaseAside,
  openCacheDatabase,
} from './open-database.js';
import { SliceTable } from './slice-table.js';

/** Options for {@link CacheConnection}. */
export interface CacheConnectionOptions {
  file: string;
  busyTimeoutMs: number;
  logger: CacheLogger;
  now: () => number;
  /** Called after a damaged file was replaced by an empty one, so memory views are dropped. */
  onRebuilt: () => void;
}

/**
 * The database handle of one SliceCache. Every use goes through {@link run}: a file found
 * damaged mid-run is moved aside and rebuilt empty, so the cache never stops a run.
 */
export class CacheConnection {
  readonly #options: CacheConnectionOptions;
  #db: Database.Database | undefined;
  #table: SliceTable | undefined;

  constructor(options: CacheConnectionOptions) {
    this.#options = options;
  }

  get isOpen(): boolean {
    return this.#table !== undefined;
  }

  /** Opens the file, moving a corrupt or foreign one aside first. */
  open(): void {
    const { file, busyTimeoutMs, logger, now } = this.#options;
    this.#db = openCacheDatabase(file, { busyTimeoutMs, logger, now });
    this.#table = new SliceTable(this.#db);
  }

  /**
   * Runs `body` on the table. A damaged file is replaced and `body` runs once more; any other
   * SQLite failure becomes `CACHE_FAILED` (retryable when another process held the lock too long).
   */
  run<T>(body: (table: SliceTable) => T): T {
    try {
      return body(this.#requireTable());
    } catch (error) {
      if (error instanceof OrchestratorError) throw error;
      if (!isDatabaseDamage(error)) {
        const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
        throw new OrchestratorError(
          'CACHE_FAILED',
          `Slice cache ${this.#options.file} failed: ${toErrorMessage(error)}.`,
          { cause: error, retryable: busy },
        );
      }
      this.#rebuild(error);
      return body(this.#requireTable());
    }
  }

  /** Closes the handle. Safe to call twice. */
  close(): void {
    const db = this.#db;
    this.#db = undefined;
    this.#table = undefined;
    db?.close();
  }

  #rebuild(error: unknown): void {
    const { file, logger, now } = this.#options;
    try {
      this.close();
    } catch {
      // The handle of a damaged file may fail to close; it is abandoned either way.
    }
    const aside = moveDatabaseAside(file, now());
    logger.warn(
      `Slice cache ${file} is damaged (${toErrorMessage(error)}); moved it to ${aside} and started an empty cache.`,
    );
    this.open();
    this.#options.onRebuilt();
  }

  #requireTable(): SliceTable {
    if (this.#table === undefined) {
      throw new OrchestratorError('CACHE_FAILED', 'The slice cache database is not open.');
    }
    return this.#table;
  }
}
