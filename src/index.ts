export {
  type CacheLogger,
  createEmbedder,
  type Embedder,
  type EmbedderOptions,
  type EmbedOptions,
  HashedCodeEmbedder,
  HttpEmbedder,
  type SearchMode,
  type SearchSimilarOptions,
  type SimilarSlice,
  SliceCache,
  type SliceCacheItem,
  type SliceCacheOptions,
  type SliceCacheStats,
  type VectorIndexStatus,
} from './cache/index.js';
export type { ErrorCode, OrchestratorErrorOptions } from './core/errors.js';
export { isOrchestratorError, OrchestratorError } from './core/errors.js';
export {
  MemoryPressureMonitor,
  type MemoryPressureMonitorOptions,
  type MemoryReading,
  type MemorySample,
  type MemorySampler,
  type MemorySource,
  type MonitorState,
  type PressureEvent,
  type PressureHistoryEntry,
  type PressureMonitorEvents,
  type PressureStats,
} from './pressure/index.js';
