import { ApproximateIndex, type ApproximateIndexOptions } from './approximate-index.js';
import type { VectorRow } from './slice-table.js';
import { type VectorHit, VectorMatrix } from './vector-matrix.js';

/** How a search runs: `auto` uses the approximate index when it is ready, else exact. */
export type SearchMode = 'auto' | 'exact' | 'approximate';

/** Where vector search stands (for stats and benchmarks). */
export interface VectorIndexStatus {
  /** Vectors held in memory; 0 until the first search loads them. */
  vectors: number;
  /** `off` below the size threshold, `building` while the graph catches up, then `ready`. */
  approximate: 'off' | 'building' | 'ready';
  /** Vectors already in the approximate graph. */
  indexed: number;
  /** Time spent adding vectors to the graph so far, in ms. */
  buildMs: number;
}

/**
 * The in-memory side of vector search: the dense matrix for exact search and, past
 * `threshold` vectors, an approximate index built in the background. Loaded lazily from the
 * database on the first search, then kept in step by every write of this process.
 */
export class VectorSearch {
  readonly #dimensions: number;
  readonly #threshold: number;
  readonly #annOptions: ApproximateIndexOptions;
  #matrix: VectorMatrix | undefined;
  #ann: ApproximateIndex | undefined;

  constructor(dimensions: number, threshold: number, annOptions: ApproximateIndexOptions) {
    this.#dimensions = dimensions;
    this.#threshold = threshold;
    this.#annOptions = annOptions;
  }

  get loaded(): boolean {
    return this.#matrix !== undefined;
  }

  /** Fills the matrix from stored rows (rows of the wrong size are skipped). */
  load(rows: Iterable<VectorRow>, expectedRows = 1024): void {
    this.unload();
    const matrix = new VectorMatrix(this.#dimensions, expectedRows);
    const byteLength = this.#dimensions * 4;
    const unit = new Float32Array(this.#dimensions);
    const bytes = new Uint8Array(unit.buffer);
    for (const row of rows) {
      if (row.vector.byteLength !== byteLength) continue;
      bytes.set(row.vector);
      matrix.upsert(row.id, row.hash, unit);
    }
    this.#matrix = matrix;
    this.#maybeStartApproximate();
  }

  /** Forgets every vector (another process changed them); the next search reloads. */
  unload(): void {
    this.#ann?.close();
    this.#ann = undefined;
    this.#matrix = undefined;
  }

  upsert(id: number, hash: string, unit: Float32Array | undefined): void {
    if (this.#matrix === undefined) return;
    if (unit === undefined) {
      this.remove(id);
      return;
    }
    this.#matrix.upsert(id, hash, unit);
    this.#ann?.onUpsert(id);
    this.#maybeStartApproximate();
  }

  remove(id: number): void {
    if (this.#matrix?.remove(id) === true) this.#ann?.onRemove(id);
  }

  /** Top-k by cosine, best first; the matrix must be loaded. */
  search(unitQuery: Float32Array, topK: number, mode: SearchMode): VectorHit[] {
    const matrix = this.#matrix;
    if (matrix === undefined) return [];
    const ann = this.#ann;
    if (mode !== 'exact' && ann !== undefined && ann.ready) return ann.search(unitQuery, topK);
    return matrix.searchExact(unitQuery, topK);
  }

  /** Builds the rest of the approximate index now, for up to `deadlineMs`. */
  drainApproximate(deadlineMs?: number): void {
    this.#ann?.drain(deadlineMs);
  }

  status(): VectorIndexStatus {
    const ann = this.#ann;
    return {
      vectors: this.#matrix?.size ?? 0,
      approximate: ann === undefined ? 'off' : ann.ready ? 'ready' : 'building',
      indexed: ann?.indexedCount ?? 0,
      buildMs: ann?.buildMs ?? 0,
    };
  }

  close(): void {
    this.unload();
  }

  /** Starts the index past the threshold, and retrains it once the data has grown fourfold. */
  #maybeStartApproximate(): void {
    const matrix = this.#matrix;
    if (matrix === undefined || matrix.size < this.#threshold) return;
    if (this.#ann !== undefined && matrix.size <= this.#ann.trainedFor * 4) return;
    this.#ann?.close();
    this.#ann = new ApproximateIndex(matrix, matrix.ids(), this.#annOptions);
  }
}
