interface LruNode<K, V> {
  readonly key: K;
  value: V;
  older: LruNode<K, V> | undefined;
  newer: LruNode<K, V> | undefined;
}

/**
 * A least-recently-used map bounded by entry count: a `Map` of nodes threaded on a doubly linked
 * list, oldest first. A use relinks one node and leaves the `Map` alone: moving an entry by
 * delete + set instead costs a second hash lookup and, with many entries, periodic rehashing.
 */
export class LruMap<K, V> {
  readonly #nodes = new Map<K, LruNode<K, V>>();
  readonly #capacity: number;
  #oldest: LruNode<K, V> | undefined;
  #newest: LruNode<K, V> | undefined;
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
    return this.#nodes.size;
  }

  /** Returns the value and marks it most recently used. */
  get(key: K): V | undefined {
    const node = this.#nodes.get(key);
    if (node === undefined) return undefined;
    if (node !== this.#newest) {
      this.#unlink(node);
      this.#append(node);
    }
    return node.value;
  }

  /** Returns the value without marking it used. */
  peek(key: K): V | undefined {
    return this.#nodes.get(key)?.value;
  }

  has(key: K): boolean {
    return this.#nodes.has(key);
  }

  /**
   * Inserts or replaces `key` as the most recently used entry. Returns the value pushed out to
   * make room (`value` itself when the capacity is 0), or undefined.
   */
  set(key: K, value: V): V | undefined {
    if (this.#capacity === 0) return value;
    const existing = this.#nodes.get(key);
    if (existing !== undefined) {
      existing.value = value;
      this.get(key);
      return undefined;
    }
    let evicted: V | undefined;
    const oldest = this.#oldest;
    if (this.#nodes.size >= this.#capacity && oldest !== undefined) {
      this.delete(oldest.key);
      this.#evictions++;
      evicted = oldest.value;
    }
    const node: LruNode<K, V> = { key, value, older: undefined, newer: undefined };
    this.#nodes.set(key, node);
    this.#append(node);
    return evicted;
  }

  delete(key: K): boolean {
    const node = this.#nodes.get(key);
    if (node === undefined) return false;
    this.#nodes.delete(key);
    this.#unlink(node);
    return true;
  }

  clear(): void {
    this.#nodes.clear();
    this.#oldest = undefined;
    this.#newest = undefined;
  }

  /** Keys from least to most recently used. */
  *keys(): IterableIterator<K> {
    for (let node = this.#oldest; node !== undefined; node = node.newer) yield node.key;
  }

  /** Values from least to most recently used. */
  *values(): IterableIterator<V> {
    for (let node = this.#oldest; node !== undefined; node = node.newer) yield node.value;
  }

  #unlink(node: LruNode<K, V>): void {
    if (node.older === undefined) this.#oldest = node.newer;
    else node.older.newer = node.newer;
    if (node.newer === undefined) this.#newest = node.older;
    else node.newer.older = node.older;
    node.older = undefined;
    node.newer = undefined;
  }

  #append(node: LruNode<K, V>): void {
    node.older = this.#newest;
    if (this.#newest === undefined) this.#oldest = node;
    else this.#newest.newer = node;
    this.#newest = node;
  }
}
