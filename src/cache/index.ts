export type { ApproximateIndexOptions } from './approximate-index.js';
export type { CachedSlice } from './cached-slice.js';
export { createEmbedder, type EmbedderOptions } from './create-embedder.js';
export type { Embedder, EmbedOptions } from './embedder-types.js';
export { HashedCodeEmbedder } from './hashed-embedder.js';
export { HttpEmbedder, type HttpEmbedderOptions } from './http-embedder.js';
export type { CacheLogger } from './open-database.js';
export { SliceCache } from './slice-cache.js';
export type { SliceCacheOptions } from './slice-cache-options.js';
export type {
  SearchSimilarOptions,
  SimilarSlice,
  SliceCacheItem,
  SliceCacheState,
  SliceCacheStats,
} from './slice-cache-types.js';
export type { SearchMode, VectorIndexStatus } from './vector-search.js';
