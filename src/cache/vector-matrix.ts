import usearch from 'usearch';

/** A search hit: the row's database id and slice hash, and its cosine similarity. */
export interface VectorHit {
  id: number;
  hash: string;
  score: number;
}

/**
 * Every stored unit vector in one contiguous Float32Array, row by row, kept in step with the
 * database. Removing a row moves the last row into its place, so rows stay dense.
 */
export class VectorMatrix {
  readonly dimensions: number;
  #data: Float32Array<ArrayBuffer>;
  #count = 0;
  readonly #ids: number[] = [];
  readonly #hashes: string[] = [];
  readonly #positionById = new Map<number, number>();

  constructor(dimensions: number, initialRows = 1024) {
    this.dimensions = dimensions;
    this.#data = new Float32Array(Math.max(1, initialRows) * dimensions);
  }

  /** Rows held. */
  get size(): number {
    return this.#count;
  }

  /** Row ids in row order (a copy). */
  ids(): number[] {
    return this.#ids.slice();
  }

  has(id: number): boolean {
    return this.#positionById.has(id);
  }

  /** The unit vector of row `id` (a view: copy it before keeping it). */
  vectorOf(id: number): Float32Array | undefined {
    const position = this.#positionById.get(id);
    if (position === undefined) return undefined;
    return this.#data.subarray(position * this.dimensions, (position + 1) * this.dimensions);
  }

  hashOf(id: number): string | undefined {
    const position = this.#positionById.get(id);
    return position === undefined ? undefined : this.#hashes[position];
  }

  /** Adds row `id` or overwrites its vector. */
  upsert(id: number, hash: string, unit: Float32Array): void {
    let position = this.#positionById.get(id);
    if (position === undefined) {
      position = this.#count++;
      if (this.#count * this.dimensions > this.#data.length) this.#grow();
      this.#positionById.set(id, position);
      this.#ids[position] = id;
      this.#hashes[position] = hash;
    }
    this.#data.set(unit, position * this.dimensions);
  }

  /** Removes row `id`; returns false when it was not held. */
  remove(id: number): boolean {
    const position = this.#positionById.get(id);
    if (position === undefined) return false;
    const last = this.#count - 1;
    this.#positionById.delete(id);
    if (position !== last) {
      const movedId = this.#ids[last] as number;
      const d = this.dimensions;
      this.#data.copyWithin(position * d, last * d, (last + 1) * d);
      this.#ids[position] = movedId;
      this.#hashes[position] = this.#hashes[last] as string;
      this.#positionById.set(movedId, position);
    }
    this.#ids.pop();
    this.#hashes.pop();
    this.#count = last;
    return true;
  }

  clear(): void {
    this.#count = 0;
    this.#ids.length = 0;
    this.#hashes.length = 0;
    this.#positionById.clear();
    this.#data = new Float32Array(1024 * this.dimensions);
  }

  /** Exact top-k by cosine over every row (SIMD scan in usearch), best first. */
  searchExact(unitQuery: Float32Array, topK: number): VectorHit[] {
    const k = Math.min(topK, this.#count);
    if (k <= 0) return [];
    const rows = this.#data.subarray(0, this.#count * this.dimensions);
    const matches = usearch.exactSearch(
      rows,
      unitQuery,
      this.dimensions,
      k,
      usearch.MetricKind.IP,
      0,
    );
    const hits: VectorHit[] = [];
    for (let i = 0; i < matches.keys.length && hits.length < k; i++) {
      const position = Number(matches.keys[i]);
      const id = this.#ids[position];
      const hash = this.#hashes[position];
      if (id === undefined || hash === undefined) continue;
      hits.push({ id, hash, score: 1 - (matches.distances[i] as number) });
    }
    return hits;
  }

  #grow(): void {
    const grown = new Float32Array(Math.ceil(this.#count * 1.5 + 1024) * this.dimensions);
    grown.set(this.#data);
    this.#data = grown;
  }
}

/** Cosine of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
