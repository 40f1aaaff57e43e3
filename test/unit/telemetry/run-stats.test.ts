import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderStats } from '../../../src/cli/run-stats.js';
import { openRunHistory } from '../../../src/telemetry/run-history.js';
import type { RunRecord } from '../../../src/telemetry/run-record.js';
import { loadRunStats } from '../../../src/telemetry/run-stats.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function historyWith(records: RunRecord[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-stats-'));
  dirs.push(dir);
  const history = await openRunHistory(dir);
  for (const record of records) await history.record(record);
  history.close();
  return history.path;
}

let counter = 0;
function run(overrides: Partial<RunRecord> & { map?: number; test?: number }): RunRecord {
  counter += 1;
  const { map = 100, test = 300, ...rest } = overrides;
  return {
    runId: `run-${counter}`,
    command: `rename a${counter} to b`,
    kind: 'rename',
    language: 'typescript',
    success: true,
    durationMs: 1000,
    fileCount: 2,
    editCount: 3,
    parallelism: 2,
    batchSize: 4,
    testDurationMs: test,
    phaseDurations: { map, execute: test },
    memoryPeakMb: 100,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    totalTokens: 1000,
    phases: [
      { phase: 'map', success: true, durationMs: map, tokenCount: 400, retries: 0 },
      { phase: 'execute', success: true, durationMs: test, tokenCount: 600, retries: 0 },
    ],
    cacheHits: 1,
    cacheLookups: 4,
    prediction: { model: 'rules', testDurationMs: null, runs: 0 },
    ...rest,
  };
}

describe('loadRunStats', () => {
  it('says there are no runs in an empty history, with every figure null', async () => {
    const file = await historyWith([]);
    const stats = await loadRunStats(file);
    expect(stats).toMatchObject({
      runs: 0,
      successRate: null,
      durationMs: null,
      cacheHitRate: null,
      tokensPerRun: null,
      predictionError: null,
      phases: [],
      slowestPhases: [],
      byKind: [],
    });
    expect(renderStats(stats)).toBe(`No runs recorded yet in ${file}.\n`);
  });

  it('computes success rate, run and phase percentiles, cache hit rate and tokens per run', async () => {
    const file = await historyWith([
      run({ durationMs: 1000, map: 100, test: 200, totalTokens: 900 }),
      run({ durationMs: 2000, map: 300, test: 400, totalTokens: 1100, cacheHits: 3 }),
      run({ durationMs: 3000, map: 500, test: 600, success: false, errorCode: 'TESTS_FAILED' }),
      run({ durationMs: 9000, map: 700, test: 5000, kind: 'make_async', language: 'python' }),
    ]);
    const stats = await loadRunStats(file);
    expect(stats.runs).toBe(4);
    expect(stats.successRate).toBe(0.75);
    expect(stats.durationMs).toEqual({ median: 2500, p95: 9000 });
    // Phases in pipeline order (map before execute), not alphabetical.
    expect(stats.phases).toEqual([
      { phase: 'map', runs: 4, medianMs: 400, p95Ms: 700 },
      { phase: 'execute', runs: 4, medianMs: 500, p95Ms: 5000 },
    ]);
    expect(stats.slowestPhases[0]).toEqual({
      runId: `run-${counter}`,
      command: `rename a${counter} to b`,
      phase: 'execute',
      durationMs: 5000,
    });
    expect(stats.slowestPhases).toHaveLength(5);
    // (1 + 3 + 1 + 1) hits of 16 lookups.
    expect(stats.cacheHitRate).toBe(0.375);
    expect(stats.tokensPerRun).toEqual({ mean: 1000, median: 1000 });
    expect(stats.byKind).toEqual([
      { kind: 'rename', language: 'typescript', runs: 3, successRate: 0.6667 },
      { kind: 'make_async', language: 'python', runs: 1, successRate: 1 },
    ]);
    expect(renderStats(stats)).toContain('make_async (python): 1 run, 100.0% successful');
  });

  it('measures the prediction error over the runs that have a prediction and tests', async () => {
    const file = await historyWith([
      run({ test: 1000, prediction: { model: 'linear', testDurationMs: 1200, runs: 5 } }),
      run({ test: 2000, prediction: { model: 'linear', testDurationMs: 1000, runs: 6 } }),
      run({ test: 400, prediction: { model: 'median', testDurationMs: 500, runs: 2 } }),
      // Left out: nothing predicted, no tests ran, a migrated row without a prediction.
      run({ test: 700 }),
      run({ testDurationMs: null, prediction: { model: 'linear', testDurationMs: 90, runs: 7 } }),
      run({ test: 800, prediction: undefined }),
    ]);
    const stats = await loadRunStats(file);
    expect(stats.predictionError).toEqual({
      runs: 3,
      meanAbsoluteMs: Math.round((200 + 1000 + 100) / 3),
      medianAbsoluteMs: 200,
      meanAbsolutePercent: Math.round(((0.2 + 0.5 + 0.25) / 3) * 1000) / 10,
    });
    expect(renderStats(stats)).toContain(
      'test time predictions over 3 runs: mean error 433 ms, median 200 ms, 31.7% of the actual time on average',
    );
  });

  it('prints every figure as lines people read', async () => {
    const file = await historyWith([run({ durationMs: 12_000, map: 250 }), run({})]);
    const text = renderStats(await loadRunStats(file));
    expect(text).toContain(`2 runs, 100.0% successful (${file})`);
    expect(text).toContain('run time: median 6500 ms, p95 12.0 s');
    expect(text).toContain('cache hit rate: 25.0%');
    expect(text).toContain('tokens per run: mean 1000, median 1000');
    expect(text).toContain('test time predictions: none checked yet');
    expect(text).toMatch(/^map\s+2\s+175 ms\s+250 ms$/m);
    expect(text).toContain('rename (typescript): 2 runs, 100.0% successful');
  });
});
