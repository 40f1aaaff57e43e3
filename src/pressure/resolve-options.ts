import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import { resolveMemoryThreshold } from '../core/settings.js';
import type { MemorySampler } from './types.js';

/** Options of {@link MemoryPressureMonitor}. */
export interface MemoryPressureMonitorOptions {
  /**
   * Ratio of memory in use to memory we may use at or above which pressure is high, in (0, 1).
   * @default the value of `ORCHESTRATOR_MEMORY_THRESHOLD`, else 0.70
   */
  thresholdRatio?: number;
  /** Time between two samples, in milliseconds. @default 250 */
  sampleIntervalMs?: number;
  /** Samples kept for history and statistics. @default 240 (one minute at 250 ms) */
  historySize?: number;
  /** Takes one reading. @default a sampler reading `/proc` and cgroup files (see `createSystemSampler`) */
  sampler?: MemorySampler;
  /**
   * Whether `suggestGc()` runs `global.gc()` (when exposed with `node --expose-gc`) whenever it
   * advises a collection; a call's own `collect` option wins. @default false
   */
  collectOnSuggest?: boolean;
  /** Environment to read `ORCHESTRATOR_MEMORY_THRESHOLD` from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/** {@link MemoryPressureMonitorOptions} with defaults applied and values validated. */
export interface ResolvedMemoryPressureMonitorOptions {
  thresholdRatio: number;
  sampleIntervalMs: number;
  historySize: number;
  sampler: MemorySampler | undefined;
  collectOnSuggest: boolean;
}

const schemas = {
  thresholdRatio: {
    schema: z.number().gt(0).lt(1),
    expectation: 'a number strictly between 0 and 1, e.g. 0.70',
  },
  sampleIntervalMs: {
    schema: z.number().int().min(1).max(2_147_483_647),
    expectation: 'a positive whole number of milliseconds, e.g. 250',
  },
  historySize: {
    schema: z.number().int().min(1).max(1_000_000),
    expectation: 'a whole number of samples from 1 to 1000000, e.g. 240',
  },
} as const;

function validated(name: keyof typeof schemas, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const { schema, expectation } = schemas[name];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new OrchestratorError(
      'INVALID_SETTING',
      `MemoryPressureMonitor option ${name}=${String(value)} is not valid: expected ${expectation}. Omit it to use the default (${fallback}).`,
      { data: { option: name, value: String(value) } },
    );
  }
  return parsed.data;
}

/**
 * Applies defaults and validates. Throws `INVALID_SETTING` naming the option, or
 * `ORCHESTRATOR_MEMORY_THRESHOLD` when the environment value is bad and no option overrides it.
 */
export function resolveMonitorOptions(
  options: MemoryPressureMonitorOptions = {},
): ResolvedMemoryPressureMonitorOptions {
  const thresholdRatio =
    options.thresholdRatio === undefined
      ? resolveMemoryThreshold(options.env ?? process.env)
      : validated('thresholdRatio', options.thresholdRatio, 0.7);
  if (options.sampler !== undefined && typeof options.sampler !== 'function') {
    throw new OrchestratorError(
      'INVALID_SETTING',
      'MemoryPressureMonitor option sampler is not valid: expected a function returning a MemoryReading.',
      { data: { option: 'sampler' } },
    );
  }
  return {
    thresholdRatio,
    sampleIntervalMs: validated('sampleIntervalMs', options.sampleIntervalMs, 250),
    historySize: validated('historySize', options.historySize, 240),
    sampler: options.sampler,
    collectOnSuggest: options.collectOnSuggest === true,
  };
}
