export { MAX_KEPT_PRESSURE_EVENTS, MemoryPressureMonitor } from './memory-pressure-monitor.js';
export type {
  MemoryPressureMonitorOptions,
  ResolvedMemoryPressureMonitorOptions,
} from './resolve-options.js';
export { resolveMonitorOptions } from './resolve-options.js';
export type { SystemSamplerOptions } from './system-sampler.js';
export { createSystemSampler } from './system-sampler.js';
export type {
  MemoryReading,
  MemorySample,
  MemorySampler,
  MemorySource,
  MonitorState,
  PressureEvent,
  PressureHistoryEntry,
  PressureMonitorEvents,
  PressureStats,
} from './types.js';
