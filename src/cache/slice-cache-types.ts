import type { SliceData } from '../core/services.js';
import type { SearchMode } from './vector-search.js';

/** One slice for `SliceCache.storeMany`. */
export interface SliceCacheItem {
  /** SHA-1 of the slice content, 40 hex characters. */
  sliceHash: string;
  data: SliceData;
  /** Exactly `dimensions` finite numbers; stored normalised to unit length. */
  vector?: Float32Array | number[];
}

/** Counters of one SliceCache instance (hits and misses since it was created). */
export interface SliceCacheStats {
  /** hits / (hits + misses); 0 before the first lookup. */
  hitRate: number;
  hits: number;
  misses: number;
  /** Memory-tier evictions plus database rows evicted by the byte cap. */
  evictions: number;
  memoryEvictions: number;
  databaseEvictions: number;
  memoryEntries: number;
  databaseEntries: number;
  /** Stored content (JSON data + vectors), in MB. */
  totalSizeMb: number;
}

/** A `SliceCache.searchSimilar` hit: cosine similarity in [-1, 1]. */
export interface SimilarSlice {
  hash: string;
  score: number;
}

/** Options for `SliceCache.searchSimilar`. */
export interface SearchSimilarOptions {
  /** `auto` uses the approximate index once it is built. @default 'auto' */
  mode?: SearchMode;
  signal?: AbortSignal;
}

/** Lifecycle of a SliceCache. */
export type SliceCacheState = 'created' | 'ready' | 'closed';
