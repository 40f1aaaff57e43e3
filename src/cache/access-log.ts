/** Reads not yet written to the database: latest time and count per slice hash. */
export class AccessLog {
  #pending = new Map<string, { at: number; count: number }>();

  get size(): number {
    return this.#pending.size;
  }

  record(hash: string, at: number): void {
    const access = this.#pending.get(hash);
    if (access === undefined) this.#pending.set(hash, { at, count: 1 });
    else {
      access.at = at;
      access.count++;
    }
  }

  /** Returns every pending read and starts a new log. */
  take(): Map<string, { at: number; count: number }> {
    const taken = this.#pending;
    this.#pending = new Map();
    return taken;
  }

  /** Puts back reads whose write failed, keeping newer ones. */
  restore(accesses: ReadonlyMap<string, { at: number; count: number }>): void {
    for (const [hash, access] of accesses) {
      const newer = this.#pending.get(hash);
      if (newer === undefined) this.#pending.set(hash, { ...access });
      else newer.count += access.count;
    }
  }
}
