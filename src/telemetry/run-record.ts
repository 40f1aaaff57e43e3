import { z } from 'zod';

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

/** One phase of a finished run. */
export const PhaseRecordSchema = z.object({
  phase: z.string().min(1),
  success: z.boolean(),
  durationMs: nonNegative,
  tokenCount: count,
  retries: count,
});

/** What OPTIMIZE predicted for a run, stored beside what happened. */
export const PredictionRecordSchema = z.object({
  /**
   * `linear`: a least-squares fit to earlier runs (test time against files, edits and 1/workers);
   * `median`: too few runs for a fit, their median; `rules`: no earlier run.
   */
  model: z.enum(['linear', 'median', 'rules']),
  /** Predicted wall time of the test step(s), in milliseconds; `null` when nothing was predicted. */
  testDurationMs: nonNegative.nullable(),
  /** Earlier runs the model was fitted to. */
  runs: count,
});

/**
 * One finished run, as the run history stores it. Fields after `createdAt` came with the DuckDB
 * history; rows migrated from the SQLite history have them absent.
 */
export const RunRecordSchema = z.object({
  runId: z.string().min(1),
  command: z.string(),
  /** Intent kind, e.g. `'rename'`. */
  kind: z.string().min(1),
  /** e.g. `'typescript'`, `'python'`. */
  language: z.string().min(1),
  success: z.boolean(),
  durationMs: nonNegative,
  fileCount: count,
  editCount: count,
  parallelism: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  /** Wall time of the test run, in milliseconds; `null` when no tests ran. */
  testDurationMs: nonNegative.nullable(),
  /** Wall time per phase name, in milliseconds. */
  phaseDurations: z.record(z.string(), nonNegative),
  memoryPeakMb: nonNegative,
  /** ISO 8601 time the run started. */
  createdAt: z.iso.datetime({ offset: true }),
  /** The failure's code (`TESTS_FAILED`, …); `null` for a successful run. */
  errorCode: z.string().min(1).nullable().optional(),
  /** Tokens counted over all phases. */
  totalTokens: count.optional(),
  /** Each phase that ran, in order. */
  phases: z.array(PhaseRecordSchema).optional(),
  /** MAP's slices that were already in the SliceCache, and all it looked up. */
  cacheHits: count.optional(),
  cacheLookups: count.optional(),
  /** OPTIMIZE's prediction for this run. */
  prediction: PredictionRecordSchema.nullable().optional(),
});

/** One finished run, as the run history stores it. */
export type RunRecord = z.infer<typeof RunRecordSchema>;
export type PhaseRecord = z.infer<typeof PhaseRecordSchema>;
export type PredictionRecord = z.infer<typeof PredictionRecordSchema>;

/** Figures over recent runs of one kind and language, used to tune OPTIMIZE. */
export interface RunSummary {
  /** Runs the figures are computed over. */
  runs: number;
  /** Share of successful runs, 0..1; `null` with no runs. */
  successRate: number | null;
  /** Median test wall time over runs that ran tests, in milliseconds; `null` when none did. */
  medianTestDurationMs: number | null;
  /** Median run wall time, in milliseconds; `null` with no runs. */
  medianDurationMs: number | null;
  /** 95th-percentile run wall time (nearest rank), in milliseconds; `null` with no runs. */
  p95DurationMs: number | null;
}

/** Summarises runs (any order). Pure. */
export function toRunSummary(records: readonly RunRecord[]): RunSummary {
  if (records.length === 0) {
    return {
      runs: 0,
      successRate: null,
      medianTestDurationMs: null,
      medianDurationMs: null,
      p95DurationMs: null,
    };
  }
  const durations = records.map((r) => r.durationMs).sort((a, b) => a - b);
  const testDurations = records
    .map((r) => r.testDurationMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  return {
    runs: records.length,
    successRate: records.filter((r) => r.success).length / records.length,
    medianTestDurationMs: testDurations.length === 0 ? null : median(testDurations),
    medianDurationMs: median(durations),
    p95DurationMs: nearestRank(durations, 0.95),
  };
}

/** Median of sorted, non-empty values (mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Nearest-rank percentile of sorted, non-empty values. */
export function nearestRank(sorted: readonly number[], quantile: number): number {
  const rank = Math.max(1, Math.ceil(quantile * sorted.length));
  return sorted[rank - 1] ?? 0;
}
