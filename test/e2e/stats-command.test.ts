import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunHistory } from '../../src/telemetry/run-history.js';
import { createTempDir } from '../fixtures/git/create-fixture-repo.js';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('stats', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ files: { 'a.ts': 'export const a = 1;\n' } });
    const history = await openRunHistory(repo.dir);
    for (const [i, success] of [true, false].entries()) {
      await history.record({
        runId: `run-${i}`,
        command: 'rename a to b',
        kind: 'rename',
        language: 'typescript',
        success,
        durationMs: 1000 * (i + 1),
        fileCount: 1,
        editCount: 1,
        parallelism: 1,
        batchSize: 1,
        testDurationMs: 400,
        phaseDurations: { map: 10 },
        memoryPeakMb: 50,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        totalTokens: 10,
        prediction: { model: 'median', testDurationMs: 500, runs: 2 },
      });
    }
    history.close();
  });
  afterAll(() => repo?.cleanup());

  it('"stats --json" prints the figures of the repository\'s run history', async () => {
    const result = await runCli(['stats', '--workspace', repo.dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(stats).toMatchObject({
      runs: 2,
      successRate: 0.5,
      history: path.join(repo.dir, '.mcp-orchestrator', 'history.duckdb'),
      predictionError: { runs: 2, meanAbsoluteMs: 100 },
    });
    const text = await runCli(['stats', '--workspace', repo.dir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('2 runs, 50.0% successful');
  }, 60_000);

  it('"stats" outside a git repository says so and exits 2', async () => {
    const dir = await createTempDir('mcpo-e2e-nogit-');
    const result = await runCli(['stats', '--workspace', dir, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('NOT_A_GIT_REPO');
  }, 60_000);
});
