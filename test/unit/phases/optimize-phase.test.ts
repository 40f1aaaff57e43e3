import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { EditFileChange } from '../../../src/core/change/change-types.js';
import type { OptimizeOutput } from '../../../src/core/phase-outputs.js';
import type { RunHistorySummary } from '../../../src/core/services.js';
import { createOptimizePhase } from '../../../src/phases/optimize/optimize-phase.js';
import { createDefaultPhaseSettings } from '../../../src/phases/phase-settings.js';
import {
  createFakeContext,
  type FakeContextOverrides,
} from '../../fixtures/phases/fake-services.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

/** A plan that edits `count` files. */
function planOf(count: number) {
  const changes: EditFileChange[] = Array.from({ length: count }, (_, i) => ({
    op: 'edit',
    file: `src/f${String(i).padStart(4, '0')}.ts`,
    edits: [
      { start: [1, 1], end: [1, 8], oldText: 'getUser', newText: 'fetchUser', reason: 'reference' },
    ],
  }));
  return createPlan({ changes });
}

const history = (medianTestDurationMs: number | null): RunHistorySummary => ({
  runs: 4,
  successRate: 1,
  medianTestDurationMs,
  medianDurationMs: 30_000,
});

async function runOptimize(files: number, overrides: FakeContextOverrides = {}) {
  const run = createFakeContext(overrides);
  const plan = planOf(files);
  const outcome = await createOptimizePhase().run(run.context, {
    plan: { plan, planPath: '/fake/run/plan.json' },
  });
  if (!outcome.success) throw new Error(`OPTIMIZE failed: ${outcome.error.message}`);
  return { ...run, output: outcome.output as OptimizeOutput };
}

const cores = availableParallelism();

describe('OPTIMIZE phase', () => {
  it('takes the smaller of the cores and the parallelism setting', async () => {
    const many = await runOptimize(100, { parallelism: 256 });
    expect(many.output.parallelism).toBe(Math.min(cores, 256, 100));
    expect(many.output.reasons[0]).toBe(
      `${cores} cores and a parallelism limit of 256 (CLAUDE_CODE_PARALLELISM) allow ${Math.min(cores, 256)}.`,
    );
    const one = await runOptimize(100, { parallelism: 1 });
    expect(one.output.parallelism).toBe(1);
  });

  it('says when the parallelism was already halved under memory pressure', async () => {
    const run = await runOptimize(10, { parallelism: 4 });
    expect(run.output.reasons[0]).toContain(
      '(CLAUDE_CODE_PARALLELISM, halved under memory pressure)',
    );
  });

  it('halves the parallelism while memory pressure is high', async () => {
    const allowed = Math.min(cores, 4);
    const high = await runOptimize(64, { parallelism: 4, pressureHigh: true });
    expect(high.output.parallelism).toBe(Math.max(1, Math.floor(allowed / 2)));
    expect(high.output.reasons[1]).toBe(
      `memory pressure is high: parallelism halved to ${Math.max(1, Math.floor(allowed / 2))}.`,
    );
    const low = await runOptimize(64, { parallelism: 4, pressureHigh: false });
    expect(low.output.parallelism).toBe(allowed);
  });

  it('splits the files to edit into batches of at most 64, and no more workers than batches', async () => {
    expect((await runOptimize(3, { parallelism: 1 })).output).toMatchObject({
      parallelism: 1,
      batchSize: 3,
    });
    expect((await runOptimize(130, { parallelism: 1 })).output).toMatchObject({ batchSize: 64 });
    const single = await runOptimize(1, { parallelism: 256 });
    expect(single.output).toMatchObject({ parallelism: 1, batchSize: 1 });
    expect(single.output.reasons[1]).toBe('1 files to edit: 1 workers × batches of 1.');
  });

  it('sets the test timeout to five times the median of earlier runs, asking for this kind and language', async () => {
    const run = await runOptimize(2, { history: history(60_000) });
    expect(run.output.testTimeoutMs).toBe(300_000);
    expect(run.log.argsOf('history', 'summary')).toEqual([
      [{ kind: 'rename', language: 'typescript' }],
    ]);
    expect(run.output.reasons.at(-1)).toContain('median test time 60000 ms');
  });

  it('keeps the test timeout at two minutes or more, however fast earlier tests were', async () => {
    expect((await runOptimize(2, { history: history(1_000) })).output.testTimeoutMs).toBe(120_000);
  });

  it('uses ten minutes without history, or when no earlier run ran tests', async () => {
    expect((await runOptimize(2)).output.testTimeoutMs).toBe(600_000);
    expect((await runOptimize(2, { history: history(null) })).output.testTimeoutMs).toBe(600_000);
  });

  it("uses the execute phase's test_timeout_ms when given, over the history", async () => {
    const phaseSettings = createDefaultPhaseSettings().map((entry) =>
      entry.phase === 'execute' ? { phase: 'execute', test_timeout_ms: 42_000 } : entry,
    );
    const run = await runOptimize(2, { phaseSettings, history: history(60_000) });
    expect(run.output.testTimeoutMs).toBe(42_000);
    expect(run.output.reasons.at(-1)).toBe(
      'the test timeout is set to 42000 ms (--test-timeout or the plan).',
    );
  });
});
