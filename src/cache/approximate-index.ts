import type { Index } from 'usearch';
import usearch from 'usearch';
import { dot, type VectorHit, type VectorMatrix } from './vector-matrix.js';

/** HNSW settings; see {@link ApproximateIndex}. */
export interface ApproximateIndexOptions {
  /** Graph degree (HNSW `M`). @default 16 */
  connectivity?: number;
  /** Candidate list size while adding; higher builds slower, recalls better. @default 128 */
  expansionAdd?: number;
  /** Candidate list size while searching. @default 64 */
  expansionSearch?: number;
  /** Longest the background build may hold the event loop per turn, in ms. @default 20 */
  sliceMs?: number;
  /** Most vectors left unindexed that a search still scans exactly beside the graph. @default 256 */
  exactTail?: number;
}

/**
 * An HNSW graph (usearch) over the rows of a {@link VectorMatrix}, built incrementally in the
 * background: vectors wait in a queue and are added in slices of at most `sliceMs` per event-loop
 * turn. Until the queue is short it reports `ready === false` and the caller searches exactly.
 */
export class ApproximateIndex {
  readonly #matrix: VectorMatrix;
  readonly #index: Index;
  readonly #indexed = new Set<number>();
  readonly #queue = new Set<number>();
  readonly #sliceMs: number;
  readonly #exactTail: number;
  #batch = 64;
  #timer: NodeJS.Immediate | undefined;
  #closed = false;
  #buildMs = 0;

  constructor(matrix: VectorMatrix, ids: Iterable<number>, options: ApproximateIndexOptions = {}) {
    this.#matrix = matrix;
    this.#sliceMs = options.sliceMs ?? 20;
    this.#exactTail = options.exactTail ?? 256;
    this.#index = new usearch.Index({
      dimensions: matrix.dimensions,
      metric: usearch.MetricKind.IP,
      quantization: usearch.ScalarKind.F32,
      connectivity: options.connectivity ?? 16,
      expansion_add: options.expansionAdd ?? 128,
      expansion_search: options.expansionSearch ?? 64,
      multi: false,
    });
    for (const id of ids) this.#queue.add(id);
    this.#schedule();
  }

  /** True when few enough vectors wait that a search can use the graph. */
  get ready(): boolean {
    return this.#queue.size <= this.#exactTail;
  }

  /** Vectors in the graph. */
  get indexedCount(): number {
    return this.#indexed.size;
  }

  /** Time spent adding to the graph so far, in ms. */
  get buildMs(): number {
    return this.#buildMs;
  }

  /** The matrix row `id` was added or its vector changed. */
  onUpsert(id: number): void {
    if (this.#indexed.delete(id)) this.#index.remove(BigInt(id));
    this.#queue.add(id);
    this.#schedule();
  }

  /** The matrix row `id` is gone. */
  onRemove(id: number): void {
    if (this.#indexed.delete(id)) this.#index.remove(BigInt(id));
    this.#queue.delete(id);
  }

  /** Adds queued vectors until none are left or `deadlineMs` passes (for tests and benchmarks). */
  drain(deadlineMs = Number.POSITIVE_INFINITY): void {
    const end = performance.now() + deadlineMs;
    while (this.#queue.size > 0 && performance.now() < end) this.#addSlice(end);
  }

  /** Approximate top-k by cosine; only call when {@link ready}. */
  search(unitQuery: Float32Array, topK: number): VectorHit[] {
    const hits: VectorHit[] = [];
    const k = Math.min(topK, this.#indexed.size);
    if (k > 0) {
      const matches = this.#index.search(unitQuery, k, 1);
      for (let i = 0; i < matches.keys.length; i++) {
        const id = Number(matches.keys[i]);
        const hash = this.#matrix.hashOf(id);
        if (hash !== undefined && this.#indexed.has(id)) {
          hits.push({ id, hash, score: 1 - (matches.distances[i] as number) });
        }
      }
    }
    for (const id of this.#queue) {
      const vector = this.#matrix.vectorOf(id);
      const hash = this.#matrix.hashOf(id);
      if (vector !== undefined && hash !== undefined) {
        hits.push({ id, hash, score: dot(unitQuery, vector) });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, topK);
  }

  /** Stops the background build. Safe to call twice. */
  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearImmediate(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#closed || this.#timer !== undefined || this.#queue.size === 0) return;
    this.#timer = setImmediate(() => {
      this.#timer = undefined;
      if (this.#closed) return;
      this.#addSlice(performance.now() + this.#sliceMs);
      this.#schedule();
    });
    this.#timer.unref();
  }

  /** Adds batches until `end`; the batch size adapts so one batch takes about a quarter slice. */
  #addSlice(end: number): void {
    const d = this.#matrix.dimensions;
    do {
      const ids: number[] = [];
      const vectors = new Float32Array(Math.min(this.#batch, this.#queue.size) * d);
      for (const id of this.#queue) {
        if (ids.length >= this.#batch) break;
        this.#queue.delete(id);
        const vector = this.#matrix.vectorOf(id);
        if (vector === undefined) continue;
        vectors.set(vector, ids.length * d);
        ids.push(id);
        this.#indexed.add(id);
      }
      if (ids.length === 0) return;
      const keys = BigUint64Array.from(ids, (id) => BigInt(id));
      const started = performance.now();
      this.#index.add(keys, vectors.subarray(0, ids.length * d), 0);
      const tookMs = performance.now() - started;
      this.#buildMs += tookMs;
      const perVectorMs = tookMs / ids.length;
      this.#batch = Math.max(8, Math.min(4096, Math.floor(this.#sliceMs / 4 / perVectorMs)));
    } while (performance.now() < end);
  }
}
