import type Database from 'better-sqlite3';
import { z } from 'zod';

/** A slice ready to be written: key checked, data serialised, vector normalised. */
export interface PreparedSlice {
  hash: string;
  json: string;
  vector: Float32Array | undefined;
  sizeBytes: number;
}

/** A row that left the database (evicted, cleaned up). */
export interface RemovedRow {
  id: number;
  hash: string;
}

/** A row read back from the cache file: checked, since another process or version wrote it. */
const sliceRowSchema = z.object({
  id: z.number().int(),
  data: z.string(),
  vector: z.instanceof(Uint8Array).nullable(),
  accessedAt: z.number(),
});
export type SliceRow = z.infer<typeof sliceRowSchema>;

const rowIdSchema = z.number().int();
const removedRowSchema = z.object({
  id: z.number().int(),
  hash: z.string(),
  size: z.number(),
  hasVector: z.number(),
  accessedAt: z.number(),
});
const existingRowSchema = removedRowSchema.omit({ hash: true, accessedAt: true });
const vectorRowSchema = z.object({
  id: z.number().int(),
  hash: z.string(),
  vector: z.instanceof(Uint8Array),
});
export type VectorRow = z.infer<typeof vectorRowSchema>;

/** A read not yet written: its time, in ms since the epoch, and how many reads it stands for. */
export interface PendingRead {
  readonly hash: string;
  readonly at: number;
  readonly count: number;
}

/** The latest read of a slice that this process has not written yet, if any. */
export type UnwrittenReadAt = (hash: string) => number | undefined;

/** Rows considered at a time for eviction, oldest first. */
const EVICTION_BATCH = 256;
const CANDIDATE_COLUMNS =
  'id, hash, size_bytes AS size, vector IS NOT NULL AS hasVector, accessed_at AS accessedAt';

/** Bytes of the vector BLOB view of `vector` (no copy). */
function toBlob(vector: Float32Array | undefined): Buffer | null {
  return vector === undefined
    ? null
    : Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** The prepared statements over the `slices` table; every method is synchronous. */
export class SliceTable {
  readonly #db: Database.Database;
  readonly #select: Database.Statement<[string]>;
  readonly #insert: Database.Statement<[string, string, Buffer | null, number, number, number]>;
  readonly #existing: Database.Statement<[string]>;
  readonly #replace: Database.Statement<[string, Buffer | null, number, number, number]>;
  readonly #bump: Database.Statement<[number, string]>;
  readonly #touch: Database.Statement<[number, number, string]>;
  readonly #setAccessedAt: Database.Statement<[number, number]>;
  readonly #meta: Database.Statement<[string]>;
  readonly #oldest: Database.Statement<[number]>;
  readonly #olderThan: Database.Statement<[number]>;
  readonly #deleteById: Database.Statement<[number]>;
  readonly #vectors: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#select = db.prepare(
      'SELECT id, data, vector, accessed_at AS accessedAt FROM slices WHERE hash = ?',
    );
    this.#insert = db
      .prepare(
        `INSERT INTO slices (hash, data, vector, size_bytes, created_at, accessed_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`,
      )
      .pluck();
    this.#existing = db.prepare(
      'SELECT id, size_bytes AS size, vector IS NOT NULL AS hasVector FROM slices WHERE hash = ?',
    );
    this.#replace = db.prepare(
      'UPDATE slices SET data = ?, vector = ?, size_bytes = ?, accessed_at = ? WHERE id = ?',
    );
    this.#bump = db.prepare('UPDATE cache_meta SET value = value + ? WHERE key = ?');
    this.#touch = db.prepare(
      `UPDATE slices SET accessed_at = max(accessed_at, ?), access_count = access_count + ?
       WHERE hash = ?`,
    );
    this.#setAccessedAt = db.prepare('UPDATE slices SET accessed_at = ? WHERE id = ?');
    this.#meta = db.prepare('SELECT value FROM cache_meta WHERE key = ?').pluck();
    this.#oldest = db.prepare(
      `SELECT ${CANDIDATE_COLUMNS} FROM slices ORDER BY accessed_at, id LIMIT ?`,
    );
    this.#olderThan = db.prepare(`SELECT ${CANDIDATE_COLUMNS} FROM slices WHERE accessed_at <= ?`);
    this.#deleteById = db.prepare('DELETE FROM slices WHERE id = ?');
    this.#vectors = db.prepare('SELECT id, hash, vector FROM slices WHERE vector IS NOT NULL');
  }

  /** The row for `hash`, or undefined. */
  get(hash: string): SliceRow | undefined {
    const row = this.#select.get(hash);
    return row === undefined ? undefined : sliceRowSchema.parse(row);
  }

  /** A counter in `cache_meta` (`total_bytes`, `row_count`, `vector_version`). */
  meta(key: 'total_bytes' | 'row_count' | 'vector_version'): number {
    return z.number().parse(this.#meta.get(key));
  }

  /**
   * Inserts or replaces each slice; returns each slice's row id, in order. The counters in
   * `cache_meta` are kept here, once per call, rather than by per-row triggers (~15 % faster).
   */
  upsert(slices: readonly PreparedSlice[], now: number): number[] {
    const ids: number[] = [];
    let bytes = 0;
    let rows = 0;
    let vectorChanges = 0;
    for (const slice of slices) {
      const blob = toBlob(slice.vector);
      const inserted = this.#insert.get(slice.hash, slice.json, blob, slice.sizeBytes, now, now);
      if (inserted !== undefined) {
        ids.push(rowIdSchema.parse(inserted));
        bytes += slice.sizeBytes;
        rows++;
        if (blob !== null) vectorChanges++;
        continue;
      }
      const old = existingRowSchema.parse(this.#existing.get(slice.hash));
      this.#replace.run(slice.json, blob, slice.sizeBytes, now, old.id);
      ids.push(old.id);
      bytes += slice.sizeBytes - old.size;
      if (blob !== null || old.hasVector === 1) vectorChanges++;
    }
    this.#count(bytes, rows, vectorChanges);
    return ids;
  }

  /** Records reads: the latest access time and how many reads, per hash. */
  touch(reads: readonly PendingRead[]): void {
    for (const read of reads) this.#touch.run(read.at, read.count, read.hash);
  }

  /**
   * Deletes least recently read rows until the content is at most `capBytes`, taking a row's
   * unwritten read (`unwrittenReadAt`) as its read time. Rows come oldest first, in batches; one
   * whose read moves it past the batch's newest stored time gets that time written, and waits.
   */
  evictOver(capBytes: number, unwrittenReadAt: UnwrittenReadAt): RemovedRow[] {
    const removed: Array<z.infer<typeof removedRowSchema>> = [];
    let total = this.meta('total_bytes');
    while (total > capBytes) {
      const batch = this.#oldest.all(EVICTION_BATCH).map((row) => removedRowSchema.parse(row));
      const last = batch.at(-1);
      if (last === undefined) break;
      // Rows after the batch were read at or after `horizon`; a short batch is every row.
      const horizon = batch.length < EVICTION_BATCH ? Number.POSITIVE_INFINITY : last.accessedAt;
      const candidates: Array<{ row: (typeof batch)[number]; readAt: number }> = [];
      for (const row of batch) {
        const readAt = Math.max(row.accessedAt, unwrittenReadAt(row.hash) ?? row.accessedAt);
        if (readAt > horizon) this.#setAccessedAt.run(readAt, row.id);
        else candidates.push({ row, readAt });
      }
      candidates.sort((a, b) => a.readAt - b.readAt || a.row.id - b.row.id);
      for (const { row } of candidates) {
        if (total <= capBytes) break;
        this.#deleteById.run(row.id);
        total -= row.size;
        removed.push(row);
      }
    }
    return this.#counted(removed);
  }

  /** Deletes rows last read at or before `cutoff` (ms since the epoch), unwritten reads included. */
  deleteAccessedBefore(cutoff: number, unwrittenReadAt: UnwrittenReadAt): RemovedRow[] {
    const rows = this.#olderThan
      .all(cutoff)
      .map((row) => removedRowSchema.parse(row))
      .filter((row) => (unwrittenReadAt(row.hash) ?? cutoff) <= cutoff);
    for (const row of rows) this.#deleteById.run(row.id);
    return this.#counted(rows);
  }

  /** Subtracts deleted rows from the counters. */
  #counted(rows: ReadonlyArray<z.infer<typeof removedRowSchema>>): RemovedRow[] {
    let bytes = 0;
    let vectors = 0;
    for (const row of rows) {
      bytes += row.size;
      vectors += row.hasVector;
    }
    this.#count(-bytes, -rows.length, vectors);
    return rows.map(({ id, hash }) => ({ id, hash }));
  }

  #count(bytes: number, rows: number, vectorChanges: number): void {
    if (bytes !== 0) this.#bump.run(bytes, 'total_bytes');
    if (rows !== 0) this.#bump.run(rows, 'row_count');
    if (vectorChanges !== 0) this.#bump.run(vectorChanges, 'vector_version');
  }

  /** Every stored vector, one row at a time. */
  *vectors(): Generator<VectorRow> {
    for (const row of this.#vectors.iterate()) yield vectorRowSchema.parse(row);
  }

  /** Runs `body` in a read transaction: one consistent snapshot of the file. */
  read<T>(body: () => T): T {
    return this.#db.transaction(body).deferred();
  }

  /** Runs `body` in a write transaction that takes the lock up front (no upgrade deadlock). */
  write<T>(body: () => T): T {
    return this.#db.transaction(body).immediate();
  }
}
