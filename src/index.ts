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
export type { ModelPhaseUsage, ModelUsageReport } from './core/model-usage.js';
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
export { INTENT_KINDS, type Intent, intentSchema } from './intent/all-intents.js';
export {
  describeCommandForms,
  isKindAvailable,
  SUPPORTED_FORMS,
} from './intent/command-forms.js';
export {
  MAX_COMMAND_LENGTH,
  parseIntent,
  toCommandText,
  validateIntent,
} from './intent/parse-intent.js';
export { createPlannerFromEnv } from './intent/planners/create-planner.js';
export type {
  IntentPlanner,
  PlannerAnswer,
  PlannerMessage,
  PlannerName,
  PlannerPrompt,
  PlannerStop,
  PlannerTool,
} from './intent/planners/intent-planner.js';
export type { PlannedIntent } from './intent/planners/plan-intent.js';
export {
  createSamplingPlanner,
  offersSampling,
  type SamplingPlannerOptions,
  type SamplingServer,
} from './intent/planners/sampling-planner.js';
export type { CommandInput } from './intent/resolve-command-input.js';
export { PLANNER_MODES, type PlannerMode } from './intent/understand-command.js';
export {
  type ExplainedChange,
  type ExplainedSymbol,
  type ExplainOptions,
  type ExplainResult,
  type Explanation,
  MCPOrchestrator,
  type PullRequestSummary,
  REPORT_FILE_NAME,
  type ResolveIntentOptions,
  type RunCommandOptions,
  type RunEvent,
  type RunReportResult,
  type RunResult,
  resolveRunIntent,
  type ServerStatus,
  type WriteRunReportOptions,
  writeRunReport,
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
export type { AddParameterIntent } from './transforms/add-parameter/intent.js';
export type { MakeAsyncIntent } from './transforms/make-async/intent.js';
export type { MoveIntent } from './transforms/move/intent.js';
export type { TransformKind } from './transforms/registry.js';
export type { RemoveParameterIntent } from './transforms/remove-parameter/intent.js';
export type { RemoveUnusedImportsIntent } from './transforms/remove-unused-imports/intent.js';
export type { RenameIntent } from './transforms/rename/intent.js';
export type { ReplaceCallsIntent } from './transforms/replace-calls/intent.js';
