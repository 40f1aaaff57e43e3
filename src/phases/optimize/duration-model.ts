import type { OptimizeSection } from '../../core/plan/optimize-section-schema.js';
import { fitLinear } from './fit-linear.js';

/** One earlier run: files, edits, workers, test ms, peak MB (the plan's `inputs.history` rows). */
export type HistoryRow = OptimizeSection['inputs']['history'][number];
export type DurationModel = OptimizeSection['model'];

/** Runs needed before a linear fit is trusted over the median (one per coefficient). */
export const MIN_RUNS_FOR_FIT = 4;

/** Coefficients are kept to 3 decimals: the plan shows what predictions are computed from. */
const round3 = (value: number): number => Math.round(value * 1000) / 1000 || 0;

/**
 * Fits test time against files, edits and 1/workers, and peak memory against workers, to the
 * runs in `rows` — `linear` with at least {@link MIN_RUNS_FOR_FIT} runs, `median` with fewer,
 * `rules` with none. Pure.
 */
export function fitDurationModel(rows: readonly HistoryRow[]): DurationModel {
  if (rows.length === 0) return { kind: 'rules', runs: 0, testMs: null, memoryMb: null };
  if (rows.length < MIN_RUNS_FOR_FIT) {
    return {
      kind: 'median',
      runs: rows.length,
      testMs: {
        intercept: round3(medianOf(rows.map((r) => r[3]))),
        perFile: 0,
        perEdit: 0,
        perInverseWorker: 0,
      },
      memoryMb: { base: round3(medianOf(rows.map((r) => r[4]))), perWorker: 0 },
    };
  }
  const test = fitLinear(
    rows.map(([files, edits, workers]) => [files, edits, 1 / workers]),
    rows.map((r) => r[3]),
  );
  const memory = fitLinear(
    rows.map((r) => [r[2]]),
    rows.map((r) => r[4]),
  );
  return {
    kind: 'linear',
    runs: rows.length,
    testMs: {
      intercept: round3(test.intercept),
      perFile: round3(test.coefficients[0] ?? 0),
      perEdit: round3(test.coefficients[1] ?? 0),
      perInverseWorker: round3(test.coefficients[2] ?? 0),
    },
    memoryMb: { base: round3(memory.intercept), perWorker: round3(memory.coefficients[0] ?? 0) },
  };
}

/** True when the runs used more than one worker count, so the model knows what workers do. */
export function workersVaried(rows: readonly HistoryRow[]): boolean {
  return rows.some((r) => r[2] !== rows[0]?.[2]);
}

/** Predicted test ms (never below 0), or `null` for the rules model. */
export function predictTestMs(
  model: DurationModel,
  at: { files: number; edits: number; workers: number },
): number | null {
  const c = model.testMs;
  if (c === null) return null;
  const ms =
    c.intercept + c.perFile * at.files + c.perEdit * at.edits + c.perInverseWorker / at.workers;
  return Math.max(0, Math.round(ms));
}

/** Predicted peak MB (never below 0), or `null` for the rules model. */
export function predictMemoryMb(model: DurationModel, workers: number): number | null {
  const m = model.memoryMb;
  return m === null ? null : Math.max(0, Math.round(m.base + m.perWorker * workers));
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
