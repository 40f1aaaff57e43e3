import { AccessLog, type SliceReads } from './access-log.js';
import type { CachedSlice } from './cached-slice.js';
import { LruMap } from './lru-map.js';
import type { PendingRead } from './slice-table.js';

/** A slice held in memory, with its reads. */
interface HotSlice extends SliceReads {
  value: CachedSlice;
}

function createHotSlice(hash: string, value: CachedSlice, storedAt: number): HotSlice {
  return { hash, storedAt, at: storedAt, count: 0, value };
}

/**
 * The in-memory tier: decoded slices by hash in LRU order, each carrying its reads, and the
 * queue of reads due to be written. A hit touches no database: one `Map` lookup, a relink and
 * a few counters.
 */
export class MemoryTier {
  readonly #entries: LruMap<string, HotSlice>;
  readonly #log: AccessLog;

  /**
   * @param capacity most slices held; 0 holds none.
   * @param resolutionMs how far behind the database's read time of a slice may be, in ms.
   */
  constructor(capacity: number, resolutionMs: number) {
    this.#entries = new LruMap(capacity);
    this.#log = new AccessLog(resolutionMs);
  }

  get size(): number {
    return this.#entries.size;
  }

  get evictions(): number {
    return this.#entries.evictions;
  }

  /** Reads waiting to be written (see {@link takeQueued}). */
  get queuedReads(): number {
    return this.#log.size;
  }

  /** The held slice, marked most recently used and its read counted; undefined when not held. */
  hit(hash: string, now: number): CachedSlice | undefined {
    const hot = this.#entries.get(hash);
    if (hot === undefined) return undefined;
    this.#log.record(hot, now);
    return hot.value;
  }

  /** Holds a slice just read from the database (`storedAt`: its `accessed_at` there). */
  holdRead(hash: string, value: CachedSlice, storedAt: number, now: number): void {
    const hot = createHotSlice(hash, value, storedAt);
    this.#log.record(hot, now);
    this.#hold(hot);
  }

  /** True when `hash` is held (so a write of it must refresh the held value). */
  holds(hash: string): boolean {
    return this.#entries.has(hash);
  }

  /** Holds, or refreshes, a slice just written at `now` (which is its stored read time now). */
  holdWritten(hash: string, value: CachedSlice, now: number): void {
    const hot = this.#entries.get(hash);
    if (hot === undefined) {
      this.#hold(createHotSlice(hash, value, now));
      return;
    }
    hot.value = value;
    hot.storedAt = Math.max(hot.storedAt, now);
  }

  /** Drops a slice whose row is gone; its unwritten reads go with it. */
  forget(hash: string): void {
    this.#entries.delete(hash);
  }

  /** The latest read of `hash` not yet in the database, if any (evictions and cleanups heed it). */
  unwrittenReadAt(hash: string): number | undefined {
    const hot = this.#entries.peek(hash);
    return hot !== undefined && hot.count > 0 ? hot.at : undefined;
  }

  /** Queues every unwritten read, however recent (before closing). */
  queueAll(): void {
    for (const hot of this.#entries.values()) this.#log.queue(hot);
  }

  /** Returns the queued reads and starts a new queue; {@link restore} them if their write fails. */
  takeQueued(): PendingRead[] {
    return this.#log.take();
  }

  restore(taken: PendingRead[]): void {
    this.#log.restore(taken);
  }

  /** Forgets every slice and read (the database was replaced). */
  clear(): void {
    this.#entries.clear();
    this.#log.take();
  }

  #hold(hot: HotSlice): void {
    const evicted = this.#entries.set(hot.hash, hot);
    // A slice leaving memory takes its counters along: write its reads soon, however recent.
    if (evicted !== undefined) this.#log.queue(evicted);
  }
}
