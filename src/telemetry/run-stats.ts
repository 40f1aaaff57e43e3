import type { DuckDBConnection } from '@duckdb/node-api';
import { withDuckDbFile } from './duckdb-file.js';

/** Median, p95 and count of one phase's wall time over the recorded runs. */
export interface PhaseStats {
  phase: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** The figures `mcp-orchestrator stats` prints. Every figure is `null` when nothing backs it. */
export interface RunStats {
  /** The history file read. */
  history: string;
  /** Runs recorded. */
  runs: number;
  /** Share of successful runs, 0..1. */
  successRate: number | null;
  durationMs: { median: number; p95: number } | null;
  /** Per phase, in pipeline order. */
  phases: PhaseStats[];
  /** The five slowest phase attempts recorded. */
  slowestPhases: Array<{ runId: string; command: string; phase: string; durationMs: number }>;
  /** MAP's slices found in the SliceCache over all it looked up, 0..1. */
  cacheHitRate: number | null;
  tokensPerRun: { mean: number; median: number } | null;
  /** OPTIMIZE's predicted test time against the actual one, over runs that have both. */
  predictionError: {
    runs: number;
    meanAbsoluteMs: number;
    medianAbsoluteMs: number;
    /** Mean of |predicted − actual| / actual, 0..; runs with an actual of 0 ms left out. */
    meanAbsolutePercent: number | null;
  } | null;
  /** Runs and success rate per kind and language, most runs first. */
  byKind: Array<{ kind: string; language: string; runs: number; successRate: number }>;
}

/** Reads the figures of the DuckDB run history at `file` (read-only; waits for a writer's lock). */
export async function loadRunStats(
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<RunStats> {
  return withDuckDbFile(file, 'read-only', (c) => readStats(c, file), options);
}

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const round = (value: number | null, digits = 0): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

async function readStats(c: DuckDBConnection, file: string): Promise<RunStats> {
  const [totals] = await rows(
    c,
    `SELECT count(*) AS runs, avg(success::INTEGER) AS success_rate,
            quantile_cont(duration_ms, 0.5) AS median_ms, quantile_disc(duration_ms, 0.95) AS p95_ms,
            sum(cache_hits) AS hits, sum(cache_lookups) AS lookups,
            avg(total_tokens) AS mean_tokens, quantile_cont(total_tokens, 0.5) AS median_tokens
     FROM runs`,
  );
  const phases = await rows(
    c,
    `SELECT phase, count(*) AS runs, quantile_cont(duration_ms, 0.5) AS median_ms,
            quantile_disc(duration_ms, 0.95) AS p95_ms
     FROM phases GROUP BY phase ORDER BY min(seq), phase`,
  );
  const slowest = await rows(
    c,
    `SELECT p.run_id, r.command, p.phase, p.duration_ms FROM phases p JOIN runs r USING (run_id)
     ORDER BY p.duration_ms DESC, p.run_id, p.seq LIMIT 5`,
  );
  const [error] = await rows(
    c,
    `SELECT count(*) AS runs, avg(abs(predicted_test_duration_ms - test_duration_ms)) AS mae,
            quantile_cont(abs(predicted_test_duration_ms - test_duration_ms), 0.5) AS median_ae,
            avg(abs(predicted_test_duration_ms - test_duration_ms) / test_duration_ms)
              FILTER (WHERE test_duration_ms > 0) AS mape
     FROM runs WHERE predicted_test_duration_ms IS NOT NULL AND test_duration_ms IS NOT NULL`,
  );
  const byKind = await rows(
    c,
    `SELECT kind, language, count(*) AS runs, avg(success::INTEGER) AS success_rate
     FROM runs GROUP BY kind, language ORDER BY runs DESC, kind, language`,
  );
  const runs = Number(totals?.runs ?? 0);
  const lookups = num(totals?.lookups);
  const errorRuns = Number(error?.runs ?? 0);
  return {
    history: file,
    runs,
    successRate: round(num(totals?.success_rate), 4),
    durationMs:
      runs === 0
        ? null
        : { median: round(num(totals?.median_ms)) ?? 0, p95: round(num(totals?.p95_ms)) ?? 0 },
    phases: phases.map((p) => ({
      phase: String(p.phase),
      runs: Number(p.runs),
      medianMs: round(num(p.median_ms)) ?? 0,
      p95Ms: round(num(p.p95_ms)) ?? 0,
    })),
    slowestPhases: slowest.map((p) => ({
      runId: String(p.run_id),
      command: String(p.command),
      phase: String(p.phase),
      durationMs: round(num(p.duration_ms)) ?? 0,
    })),
    cacheHitRate:
      lookups === null || lookups === 0 ? null : round((num(totals?.hits) ?? 0) / lookups, 4),
    tokensPerRun:
      num(totals?.mean_tokens) === null
        ? null
        : {
            mean: round(num(totals?.mean_tokens)) ?? 0,
            median: round(num(totals?.median_tokens)) ?? 0,
          },
    predictionError:
      errorRuns === 0
        ? null
        : {
            runs: errorRuns,
            meanAbsoluteMs: round(num(error?.mae)) ?? 0,
            medianAbsoluteMs: round(num(error?.median_ae)) ?? 0,
            meanAbsolutePercent: round(
              num(error?.mape) === null ? null : (num(error?.mape) ?? 0) * 100,
              1,
            ),
          },
    byKind: byKind.map((k) => ({
      kind: String(k.kind),
      language: String(k.language),
      runs: Number(k.runs),
      successRate: round(num(k.success_rate), 4) ?? 0,
    })),
  };
}
