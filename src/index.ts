export {
  type CachedSlice,
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
  type SliceCacheState,
  type SliceCacheStats,
  type VectorIndexStatus,
} from './cache/index.js';
export type { FileChange, Position, RangeEdit } from './core/change/change-types.js';
export type { LeftAlone, VerifyCheck } from './core/change/verify-types.js';
export type { ErrorCode, OrchestratorErrorOptions } from './core/errors.js';
export { isOrchestratorError, OrchestratorError } from './core/errors.js';
export type { IntentBase } from './core/intent.js';
export type { PhaseName, PhaseResult } from './core/phase.js';
export type { RiskOutput } from './core/phase-outputs.js';
export { ExecutionPlan } from './core/plan/execution-plan.js';
export type {
  DagNode,
  EditNode,
  ExecutionPlanData,
  PhaseSettingsEntry,
  RangeEditData,
} from './core/plan/plan-schema.js';
export { executionPlanSchema } from './core/plan/plan-schema.js';
export { SUPPORTED_FORMS } from './intent/command-forms.js';
export { parseIntent, validateIntent } from './intent/parse-intent.js';
export {
  MCPOrchestrator,
  type PullRequestSummary,
  type RunCommandOptions,
  type RunEvent,
  type RunResult,
  type ServerStatus,
} from './orchestrator.js';
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
export type { Intent, TransformKind } from './transforms/registry.js';
export type { RenameIntent } from './transforms/rename/intent.js';
