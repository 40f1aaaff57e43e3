import type { MemorySample } from './types.js';

/** The latest `capacity` samples, oldest first, in a ring. */
export class SampleHistory {
  readonly #ring: (MemorySample | undefined)[];
  #next = 0;
  #size = 0;

  constructor(capacity: number) {
    this.#ring = new Array<MemorySample | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  push(sample: MemorySample): void {
    this.#ring[this.#next] = sample;
    this.#next = (this.#next + 1) % this.#ring.length;
    this.#size = Math.min(this.#size + 1, this.#ring.length);
  }

  latest(): MemorySample | undefined {
    if (this.#size === 0) return undefined;
    return this.#ring[(this.#next - 1 + this.#ring.length) % this.#ring.length];
  }

  /** Samples taken at or after `timestamp` (milliseconds since the epoch), oldest first. */
  since(timestamp: number): MemorySample[] {
    const result: MemorySample[] = [];
    for (let back = 1; back <= this.#size; back += 1) {
      const sample = this.#ring[(this.#next - back + this.#ring.length) % this.#ring.length];
      if (sample === undefined || sample.timestamp < timestamp) break;
      result.push(sample);
    }
    return result.reverse();
  }
}
