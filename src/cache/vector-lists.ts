/**
 * The inverted lists of an IVF index: for each centroid, the ids and a contiguous Float32Array
 * of the vectors assigned to it. Removal moves a list's last row into the gap.
 */
export class VectorLists {
  readonly #dimensions: number;
  readonly #ids: number[][];
  readonly #data: Float32Array[];
  readonly #where = new Map<number, { list: number; row: number }>();

  constructor(lists: number, dimensions: number) {
    this.#dimensions = dimensions;
    this.#ids = Array.from({ length: lists }, () => []);
    this.#data = Array.from({ length: lists }, () => new Float32Array(16 * dimensions));
  }

  /** Vectors held over every list. */
  get size(): number {
    return this.#where.size;
  }

  has(id: number): boolean {
    return this.#where.has(id);
  }

  add(list: number, id: number, unit: Float32Array): void {
    this.remove(id);
    const ids = this.#ids[list] as number[];
    const d = this.#dimensions;
    let data = this.#data[list] as Float32Array;
    if ((ids.length + 1) * d > data.length) {
      const grown = new Float32Array(data.length * 2);
      grown.set(data);
      data = grown;
      this.#data[list] = grown;
    }
    data.set(unit, ids.length * d);
    this.#where.set(id, { list, row: ids.length });
    ids.push(id);
  }

  remove(id: number): boolean {
    const place = this.#where.get(id);
    if (place === undefined) return false;
    this.#where.delete(id);
    const ids = this.#ids[place.list] as number[];
    const data = this.#data[place.list] as Float32Array;
    const last = ids.length - 1;
    if (place.row !== last) {
      const movedId = ids[last] as number;
      const d = this.#dimensions;
      data.copyWithin(place.row * d, last * d, (last + 1) * d);
      ids[place.row] = movedId;
      this.#where.set(movedId, { list: place.list, row: place.row });
    }
    ids.pop();
    return true;
  }

  /** The ids of `list` and its rows as one matrix (a view). */
  list(list: number): { ids: readonly number[]; rows: Float32Array } {
    const ids = this.#ids[list] ?? [];
    const data = this.#data[list] ?? new Float32Array(0);
    return { ids, rows: data.subarray(0, ids.length * this.#dimensions) };
  }
}
