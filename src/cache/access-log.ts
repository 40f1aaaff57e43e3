import type { PendingRead } from './slice-table.js';

/** One slice's reads as this process knows them; the memory tier keeps one per slice it holds. */
export interface SliceReads {
  readonly hash: string;
  /** Its `accessed_at` in the database once queued reads are written, in ms since the epoch. */
  storedAt: number;
  /** The latest read, in ms since the epoch. */
  at: number;
  /** Reads neither written nor queued. */
  count: number;
}

/**
 * Decides which reads are written to the database, and when. A read is queued once it moves the
 * slice's stored read time forward by at least `resolutionMs`; reads after it are only counted,
 * in memory, until the slice leaves memory or the cache closes. So a hit costs a few field
 * updates however many slices are being read, and the stored read times lag the real ones by
 * less than `resolutionMs` (plus the flush delay) for other processes.
 */
export class AccessLog {
  readonly #resolutionMs: number;
  #queue: PendingRead[] = [];

  /** @param resolutionMs how far behind a stored read time may be; 0 queues every read. */
  constructor(resolutionMs: number) {
    this.#resolutionMs = resolutionMs;
  }

  /** Reads waiting to be written. */
  get size(): number {
    return this.#queue.length;
  }

  /** Counts a read at `at`, queueing the slice's reads when its stored read time is now too old. */
  record(reads: SliceReads, at: number): void {
    reads.at = at;
    reads.count++;
    if (at - reads.storedAt >= this.#resolutionMs) this.queue(reads);
  }

  /**
   * Queues a slice's unwritten reads, however recent (it leaves memory, or the cache closes). The
   * queue keeps a copy, not the record, so a slice leaving memory is not kept alive by it.
   */
  queue(reads: SliceReads): void {
    if (reads.count === 0) return;
    this.#queue.push({ hash: reads.hash, at: reads.at, count: reads.count });
    reads.storedAt = Math.max(reads.storedAt, reads.at);
    reads.count = 0;
  }

  /** Returns the queued reads and starts a new queue; `restore` them if their write fails. */
  take(): PendingRead[] {
    const taken = this.#queue;
    this.#queue = [];
    return taken;
  }

  restore(taken: PendingRead[]): void {
    this.#queue = taken.concat(this.#queue);
  }
}
