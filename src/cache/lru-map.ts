/**
 * A least-recently-used map bounded by entry count. A `Map` keeps insertion order, so moving an
 * entry to the back (delete + set) and evicting the front are both O(1).
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;
  #evictions = 0;

  /** @param capacity most entries kept; 0 keeps none. */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Entries evicted to make room since creation. */
  get evictions(): number {
    return this.#evictions;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Returns the value and marks it most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Inserts or replaces `key` as the most recently used entry, evicting the least recent one. */
  set(key: K, value: V): void {
    if (this.#capacity === 0) return;
    if (!this.#entries.delete(key) && this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
        this.#evictions++;
      }
    }
    this.#entries.set(key, value);
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
