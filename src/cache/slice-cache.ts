import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import type { SliceData, SliceStore } from '../core/services.js';
import { CacheConnection } from './cache-connection.js';
import { type CachedSlice, fromSliceRow, toCachedSlice } from './cached-slice.js';
import type { EmbedOptions } from './embedder-types.js';
import { MemoryTier } from './memory-tier.js';
import {
  type ResolvedSliceCacheOptions,
  resolveSliceCacheOptions,
  type SliceCacheOptions,
} from './slice-cache-options.js';
import type {
  SearchSimilarOptions,
  SimilarSlice,
  SliceCacheItem,
  SliceCacheState,
  SliceCacheStats,
} from './slice-cache-types.js';
import type { PreparedSlice, RemovedRow, SliceTable, UnwrittenReadAt } from './slice-table.js';
import { toPreparedSlice, toSliceKey, toUnitVector, validateCount } from './validate-input.js';
import { type VectorIndexStatus, VectorSearch } from './vector-search.js';

const DAY_MS = 86_400_000;
/** Queued reads written at once, on a miss or a write, when this many wait. */
const ACCESS_FLUSH_ENTRIES = 8192;

/**
 * Code slices keyed by the SHA-1 of their content, with optional embedding vectors: an
 * in-memory LRU tier over a SQLite file (WAL; several processes may share it), a byte cap with
 * eviction of the least recently read, and cosine search: exact over a contiguous matrix, then
 * approximate once an IVF index has been built in the background.
 */
export class SliceCache implements SliceStore {
  readonly #options: ResolvedSliceCacheOptions;
  readonly #memory: MemoryTier;
  readonly #vectors: VectorSearch;
  #state: SliceCacheState = 'created';
  readonly #connection: CacheConnection;
  #knownVectorVersion = -1;
  #hits = 0;
  #misses = 0;
  #databaseEvictions = 0;
  #flushTimer: NodeJS.Timeout | undefined;

  constructor(options: SliceCacheOptions) {
    this.#options = resolveSliceCacheOptions(options);
    this.#memory = new MemoryTier(this.#options.maxMemoryEntries, this.#options.accessResolutionMs);
    const { dimensions, approximateThreshold, approximate } = this.#options;
    this.#vectors = new VectorSearch(dimensions, approximateThreshold, approximate);
    const { file, busyTimeoutMs, logger, now } = this.#options;
    this.#connection = new CacheConnection({
      file,
      busyTimeoutMs,
      logger,
      now,
      onRebuilt: () => {
        this.#memory.clear();
        this.#vectors.unload();
      },
    });
  }

  get state(): SliceCacheState {
    return this.#state;
  }

  /** Path of the database file. */
  get file(): string {
    return this.#options.file;
  }

  /** Opens (or creates, or rebuilds after moving a corrupt file aside) the database. */
  async initialize(): Promise<void> {
    if (this.#state === 'ready') return;
    if (this.#state === 'closed') throw this.#closedError();
    this.#connection.open();
    this.#knownVectorVersion = -1;
    this.#state = 'ready';
  }

  /** Writes every read not yet written and closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    try {
      if (this.#state === 'ready') {
        this.#memory.queueAll();
        this.#flushAccesses();
      }
    } finally {
      this.#state = 'closed';
      this.#vectors.close();
      this.#memory.clear();
      this.#connection.close();
    }
  }

  /** Stores one slice (replacing any slice with the same hash) and keeps it in memory. */
  async store(sliceHash: string, data: SliceData, vector?: Float32Array | number[]): Promise<void> {
    this.#write([toPreparedSlice({ sliceHash, data, vector }, this.#options)], true);
  }

  /** Stores many slices in one transaction: all or none. Bulk loads do not fill the memory tier. */
  async storeMany(items: ReadonlyArray<SliceCacheItem>): Promise<void> {
    this.#write(
      items.map((item) => toPreparedSlice(item, this.#options)),
      false,
    );
  }

  /**
   * The stored data (with its unit `vector` when one was stored), or null. Frozen: do not mutate.
   * A slice held in memory is served without touching the database.
   */
  async retrieve(sliceHash: string): Promise<CachedSlice | null> {
    const now = this.#options.now();
    // Memory holds only checked keys, so a hit on the caller's own string needs no check.
    const held = this.#state === 'ready' ? this.#memory.hit(sliceHash, now) : undefined;
    if (held !== undefined) return this.#served(held);
    const key = toSliceKey(sliceHash);
    this.#requireReady();
    const hot = key === sliceHash ? undefined : this.#memory.hit(key, now);
    if (hot !== undefined) return this.#served(hot);
    const row = this.#connection.run((table) => table.get(key));
    const value = row === undefined ? undefined : fromSliceRow(row, this.#options.dimensions);
    if (row === undefined || value === undefined) {
      if (row !== undefined)
        this.#options.logger.warn(`Slice cache row ${key} is damaged; ignored.`);
      this.#misses++;
      return null;
    }
    this.#hits++;
    this.#memory.holdRead(key, value, row.accessedAt, now);
    this.#flushWhenFull();
    return value;
  }

  /** The `topK` stored slices most similar to `queryVector` by cosine, best first. */
  async searchSimilar(
    queryVector: Float32Array | number[],
    topK: number,
    options: SearchSimilarOptions = {},
  ): Promise<SimilarSlice[]> {
    options.signal?.throwIfAborted();
    validateCount('topK', topK, { integer: true, min: 1 });
    const unit = toUnitVector(queryVector, this.#options.dimensions, 'query vector');
    this.#syncVectors();
    return this.#vectors
      .search(unit, topK, options.mode ?? 'auto')
      .map(({ hash, score }) => ({ hash, score }));
  }

  /** Removes slices not read for `days` days (0: every slice not read since now); returns how many. */
  async cleanupOldEntries(days: number): Promise<number> {
    validateCount('days', days, { integer: false, min: 0 });
    const cutoff = this.#options.now() - days * DAY_MS;
    const removed = this.#mutate((table, unwrittenReadAt) =>
      table.deleteAccessedBefore(cutoff, unwrittenReadAt),
    );
    this.#forget(removed);
    return removed.length;
  }

  /** Hit/miss counters of this instance and the size of the shared database. */
  getStats(): SliceCacheStats {
    this.#requireReady();
    const { rows, bytes } = this.#connection.run((table) => {
      return table.read(() => ({
        rows: table.meta('row_count'),
        bytes: table.meta('total_bytes'),
      }));
    });
    const lookups = this.#hits + this.#misses;
    return {
      hitRate: lookups === 0 ? 0 : this.#hits / lookups,
      hits: this.#hits,
      misses: this.#misses,
      evictions: this.#memory.evictions + this.#databaseEvictions,
      memoryEvictions: this.#memory.evictions,
      databaseEvictions: this.#databaseEvictions,
      memoryEntries: this.#memory.size,
      databaseEntries: rows,
      totalSizeMb: bytes / (1024 * 1024),
    };
  }

  /** Where vector search stands: vectors loaded and the approximate index's progress. */
  vectorIndexStatus(): VectorIndexStatus {
    return this.#vectors.status();
  }

  /** Loads the vectors now (a search would do it lazily), e.g. to start the approximate index early. */
  loadVectors(): VectorIndexStatus {
    this.#syncVectors();
    return this.#vectors.status();
  }

  /**
   * Adds every waiting vector to the approximate index now, blocking for as long as that takes
   * (it otherwise builds in the background). For batch jobs and benchmarks.
   */
  finishApproximateIndex(): VectorIndexStatus {
    this.#syncVectors();
    this.#vectors.drainApproximate();
    return this.#vectors.status();
  }

  /** Embeds `text` with the configured embedder; the result is unit length. */
  async embed(text: string, options: EmbedOptions = {}): Promise<Float32Array> {
    const { embedder, dimensions } = this.#options;
    const vector = await embedder.embed(text, options);
    try {
      return toUnitVector(vector, dimensions, `vector from embedder ${embedder.name}`);
    } catch (error) {
      throw new OrchestratorError('CACHE_FAILED', toErrorMessage(error), { cause: error });
    }
  }

  #write(slices: PreparedSlice[], remember: boolean): void {
    this.#requireReady();
    if (slices.length === 0) return;
    const now = this.#options.now();
    let ids: number[] = [];
    const removed = this.#mutate((table, unwrittenReadAt) => {
      ids = table.upsert(slices, now);
      return table.evictOver(this.#options.capBytes, unwrittenReadAt);
    });
    slices.forEach((slice, i) => {
      this.#vectors.upsert(ids[i] as number, slice.hash, slice.vector);
      if (remember || this.#memory.holds(slice.hash)) {
        this.#memory.holdWritten(slice.hash, toCachedSlice(slice.json, slice.vector), now);
      }
    });
    this.#databaseEvictions += removed.length;
    this.#forget(removed);
    this.#flushWhenFull();
  }

  /**
   * Runs a write transaction that first records queued reads; `body` learns of the reads still
   * held in memory, so no row read since its stored time is taken for unread. Keeps the vector
   * view honest.
   */
  #mutate(
    body: (table: SliceTable, unwrittenReadAt: UnwrittenReadAt) => RemovedRow[],
  ): RemovedRow[] {
    const queued = this.#memory.takeQueued();
    const unwrittenReadAt: UnwrittenReadAt = (hash) => this.#memory.unwrittenReadAt(hash);
    try {
      return this.#connection.run((table) => {
        const result = table.write(() => {
          if (table.meta('vector_version') !== this.#knownVectorVersion) this.#vectors.unload();
          table.touch(queued);
          return { removed: body(table, unwrittenReadAt), version: table.meta('vector_version') };
        });
        this.#knownVectorVersion = result.version;
        return result.removed;
      });
    } catch (error) {
      this.#memory.restore(queued);
      throw error;
    }
  }

  #forget(removed: readonly RemovedRow[]): void {
    for (const row of removed) {
      this.#memory.forget(row.hash);
      this.#vectors.remove(row.id);
    }
  }

  /** Loads the vectors on first use, and again when another process changed them. */
  #syncVectors(): void {
    this.#requireReady();
    this.#connection.run((table) => {
      table.read(() => {
        const version = table.meta('vector_version');
        if (this.#vectors.loaded && version === this.#knownVectorVersion) return;
        this.#vectors.load(table.vectors(), table.meta('row_count'));
        this.#knownVectorVersion = version;
      });
    });
  }

  /** Counts a hit from memory; its read is written later, never on this call. */
  #served(value: CachedSlice): CachedSlice {
    this.#hits++;
    if (this.#memory.queuedReads > 0) this.#scheduleFlush();
    return value;
  }

  /** Writes queued reads now when many wait, else soon. Not called on a hit: hits stay in memory. */
  #flushWhenFull(): void {
    if (this.#memory.queuedReads >= ACCESS_FLUSH_ENTRIES) this.#flushAccesses();
    else if (this.#memory.queuedReads > 0) this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      if (this.#state === 'ready') this.#flushAccesses();
    }, this.#options.accessFlushMs);
    this.#flushTimer.unref();
  }

  /** Writes queued read times; a failure (e.g. a lock held too long) only costs bookkeeping. */
  #flushAccesses(): void {
    if (this.#memory.queuedReads === 0) return;
    try {
      this.#mutate(() => []);
    } catch (error) {
      this.#options.logger.warn(
        `Slice cache could not record read times: ${toErrorMessage(error)}`,
      );
    }
  }

  #requireReady(): void {
    if (this.#state === 'ready') return;
    if (this.#state === 'closed') throw this.#closedError();
    throw new OrchestratorError(
      'CACHE_FAILED',
      'SliceCache is not initialized: call initialize() first.',
    );
  }

  #closedError(): OrchestratorError {
    return new OrchestratorError('CACHE_FAILED', 'SliceCache is closed: create a new one.');
  }
}
