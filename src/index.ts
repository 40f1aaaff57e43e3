export type { ErrorCode, OrchestratorErrorOptions } from './core/errors.js';
export { isOrchestratorError, OrchestratorError } from './core/errors.js';
export {
  MemoryPressureMonitor,
  type MemoryPressureMonitorOptions,
  type MemoryReading,
  type MemorySample,
  type MemorySampler,
  type PressureEvent,
  type PressureHistoryEntry,
  type PressureStats,
} from './pressure/index.js';
