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
});
export type SliceRow = z.infer<typeof sliceRowSchema>;

const rowIdSchema = z.number().int();
const removedRowSchema = z.object({ id: z.number().int(), hash: z.string(), size: z.number() });
const vectorRowSchema = z.object({
  id: z.number().int(),
  hash: z.string(),
  vector: z.instanceof(Uint8Array),
});
export type VectorRow = z.infer<typeof vectorRowSchema>;

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
  readonly #upsert: Database.Statement<[string, string, Buffer | null, number, number, number]>;
  readonly #touch: Database.Statement<[number, number, string]>;
  readonly #meta: Database.Statement<[string]>;
  readonly #oldest: Database.Statement<[number]>;
  readonly #olderThan: Database.Statement<[number]>;
  readonly #deleteById: Database.Statement<[number]>;
  readonly #vectors: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#select = db.prepare('SELECT id, data, vector FROM slices WHERE hash = ?');
    this.#upsert = db
      .prepare(
        `INSERT INTO slices (hash, data, vector, size_bytes, created_at, accessed_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash) DO UPDATE SET data = excluded.data, vector = excluded.vector,
         size_bytes = excluded.size_bytes, accessed_at = excluded.accessed_at
       RETURNING id`,
      )
      .pluck();
    this.#touch = db.prepare(
      `UPDATE slices SET accessed_at = max(accessed_at, ?), access_count = access_count + ?
       WHERE hash = ?`,
    );
    this.#meta = db.prepare('SELECT value FROM cache_meta WHERE key = ?').pluck();
    this.#oldest = db.prepare(
      'SELECT id, hash, size_bytes AS size FROM slices ORDER BY accessed_at, id LIMIT ?',
    );
    this.#olderThan = db.prepare(
      'SELECT id, hash, size_bytes AS size FROM slices WHERE accessed_at <= ?',
    );
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

  /** Inserts or replaces each slice; returns each slice's row id, in order. */
  upsert(slices: readonly PreparedSlice[], now: number): number[] {
    const ids: number[] = [];
    for (const slice of slices) {
      const id = this.#upsert.get(
        slice.hash,
        slice.json,
        toBlob(slice.vector),
        slice.sizeBytes,
        now,
        now,
      );
      ids.push(rowIdSchema.parse(id));
    }
    return ids;
  }

  /** Records reads: the latest access time and how many reads, per hash. */
  touch(accesses: ReadonlyMap<string, { at: number; count: number }>): void {
    for (const [hash, access] of accesses) this.#touch.run(access.at, access.count, hash);
  }

  /** Deletes least recently used rows until the content is at most `capBytes`. */
  evictOver(capBytes: number): RemovedRow[] {
    const removed: RemovedRow[] = [];
    let total = this.meta('total_bytes');
    while (total > capBytes) {
      const batch = this.#oldest.all(256).map((row) => removedRowSchema.parse(row));
      if (batch.length === 0) break;
      for (const row of batch) {
        if (total <= capBytes) break;
        this.#deleteById.run(row.id);
        total -= row.size;
        removed.push({ id: row.id, hash: row.hash });
      }
    }
    return removed;
  }

  /** Deletes rows last read at or before `cutoff` (ms since the epoch). */
  deleteAccessedBefore(cutoff: number): RemovedRow[] {
    const rows = this.#olderThan.all(cutoff).map((row) => removedRowSchema.parse(row));
    for (const row of rows) this.#deleteById.run(row.id);
    return rows.map(({ id, hash }) => ({ id, hash }));
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
