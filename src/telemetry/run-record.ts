import { z } from 'zod';

const nonNegative = z.number().finite().nonnegative();

/** One finished run, as the run history stores it. */
export const RunRecordSchema = z.object({
  runId: z.string().min(1),
  command: z.string(),
  /** Intent kind, e.g. `'rename'`. */
  kind: z.string().min(1),
  /** e.g. `'typescript'`, `'python'`. */
  language: z.string().min(1),
  success: z.boolean(),
  durationMs: nonNegative,
  fileCount: z.number().int().nonnegative(),
  editCount: z.number().int().nonnegative(),
  parallelism: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  /** Wall time of the test run, in milliseconds; `null` when no tests ran. */
  testDurationMs: nonNegative.nullable(),
  /** Wall time per phase name, in milliseconds. */
  phaseDurations: z.record(z.string(), nonNegative),
  memoryPeakMb: nonNegative,
  /** ISO 8601 time the run started. */
  createdAt: z.iso.datetime({ offset: true }),
});

/** One finished run, as the run history stores it. */
export type RunRecord = z.infer<typeof RunRecordSchema>;

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
function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Nearest-rank percentile of sorted, non-empty values. */
function nearestRank(sorted: readonly number[], quantile: number): number {
  const rank = Math.max(1, Math.ceil(quantile * sorted.length));
  return sorted[rank - 1] ?? 0;
}
