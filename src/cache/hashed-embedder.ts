import { toStem, toSubwords, toWords, wordPrior } from './code-tokens.js';
import type { Embedder, EmbedOptions } from './embedder-types.js';

/** FNV-1a over UTF-16 code units, then a final mix so low and high bits both vary. */
function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** Weight of a whole word against its subword pieces (which only break ties between forms). */
const WORD_WEIGHT = 1;
const SUBWORD_WEIGHT = 0.35;

/**
 * A code-aware embedding that needs no model and no network: identifiers are split on
 * camelCase and snake_case, stemmed, and each word and its character 3- and 4-grams are hashed
 * (signed) into `dimensions` buckets with sublinear term frequency times a fixed prior that
 * stands in for IDF. Deterministic: the same text always gives the same unit vector.
 */
export class HashedCodeEmbedder implements Embedder {
  readonly name = 'hashed-code';
  readonly dimensions: number;

  /** @param dimensions vector length. @default 384 */
  constructor(dimensions = 384) {
    this.dimensions = dimensions;
  }

  /** Synchronous form of {@link embed}. */
  embedSync(text: string): Float32Array {
    const terms = new Map<string, { count: number; prior: number }>();
    for (const word of toWords(text)) {
      const prior = wordPrior(word);
      if (prior === 0) continue;
      const stem = toStem(word);
      const term = terms.get(stem);
      if (term === undefined) terms.set(stem, { count: 1, prior });
      else term.count++;
    }
    const vector = new Float32Array(this.dimensions);
    for (const [stem, { count, prior }] of terms) {
      const weight = prior * (1 + Math.log(count));
      this.#add(vector, `w:${stem}`, weight * WORD_WEIGHT);
      const grams = toSubwords(stem);
      const gramWeight = (weight * SUBWORD_WEIGHT) / Math.sqrt(grams.length);
      for (const gram of grams) this.#add(vector, `g:${gram}`, gramWeight);
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    // Text with no meaningful word still gets a valid, fixed unit vector.
    if (norm === 0) {
      this.#add(vector, 'empty', 1);
      norm = 1;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) * scale;
    return vector;
  }

  async embed(text: string, _options?: EmbedOptions): Promise<Float32Array> {
    return this.embedSync(text);
  }

  #add(vector: Float32Array, feature: string, weight: number): void {
    const hash = hashFeature(feature);
    const bucket = hash % this.dimensions;
    const sign = hashFeature(`s:${feature}`) & 1 ? -1 : 1;
    vector[bucket] = (vector[bucket] as number) + sign * weight;
  }
}
