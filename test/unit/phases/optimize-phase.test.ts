import { availableParallelism, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { EditFileChange } from '../../../src/core/change/change-types.js';
import type { OptimizeOutput, RiskOutput } from '../../../src/core/phase-outputs.js';
import { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';
import type { RunHistorySummary, RunSample } from '../../../src/core/services.js';
import { chooseExecution } from '../../../src/phases/optimize/choose-execution.js';
import { createOptimizePhase } from '../../../src/phases/optimize/optimize-phase.js';
import { createDefaultPhaseSettings } from '../../../src/phases/phase-settings.js';
import {
  createFakeContext,
  type FakeContextOverrides,
} from '../../fixtures/phases/fake-services.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

/** A plan that edits `count` files. */
function planOf(count: number, testCommand?: string[]) {
  const changes: EditFileChange[] = Array.from({ length: count }, (_, i) => ({
    op: 'edit',
    file: `src/f${String(i).padStart(4, '0')}.ts`,
    edits: [
      { start: [1, 1], end: [1, 8], oldText: 'getUser', newText: 'fetchUser', reason: 'reference' },
    ],
  }));
  return createPlan({ changes, ...(testCommand ? { testCommand } : {}) });
}

const summary: RunHistorySummary = {
  runs: 4,
  successRate: 1,
  medianTestDurationMs: 60_000,
  medianDurationMs: 30_000,
};
const sample = (over: Partial<RunSample>): RunSample => ({
  success: true,
  fileCount: 2,
  editCount: 2,
  parallelism: 1,
  testDurationMs: 60_000,
  memoryPeakMb: 200,
  ...over,
});
const VITEST = { 'package.json': '{"scripts": {"test": "vitest run"}}\n' };

async function runOptimize(
  files: number,
  overrides: FakeContextOverrides & { testCommand?: string[]; risk?: Partial<RiskOutput> } = {},
  plan = planOf(files, overrides.testCommand),
) {
  const run = createFakeContext(overrides);
  const outcome = await createOptimizePhase().run(run.context, {
    plan: { plan, planPath: '/fake/run/plan.json' },
    ...(overrides.risk ? { monte_carlo: overrides.risk as RiskOutput } : {}),
  });
  if (!outcome.success) throw new Error(`OPTIMIZE failed: ${outcome.error.message}`);
  const written = ExecutionPlan.fromJson(run.written.get('plan.json') ?? '');
  return { ...run, plan, written, output: outcome.output as OptimizeOutput };
}

const cores = availableParallelism();

describe('OPTIMIZE phase', () => {
  it('with no history, uses the rule: the smaller of the cores and the parallelism setting, as workers of a runner that takes them', async () => {
    const many = await runOptimize(100, { files: VITEST, parallelism: 256 });
    expect(many.output.parallelism).toBe(Math.min(cores, 256));
    expect(many.output.testCommand).toEqual([
      'npm',
      'test',
      '--silent',
      '--',
      `--maxWorkers=${Math.min(cores, 256)}`,
      '--bail=1',
    ]);
    expect(many.output.prediction).toEqual({
      model: 'rules',
      runs: 0,
      testDurationMs: null,
      memoryPeakMb: null,
    });
    expect(many.output.reasons).toContain(
      `no earlier runs of this kind and language: ${Math.min(cores, 256)} workers (--maxWorkers), the rule.`,
    );
    expect((await runOptimize(100, { files: VITEST, parallelism: 1 })).output.parallelism).toBe(1);
  });

  it('halves the workers while memory pressure is high', async () => {
    const allowed = Math.min(cores, 4);
    const high = await runOptimize(64, { files: VITEST, parallelism: 4, pressureHigh: true });
    expect(high.output.parallelism).toBe(Math.max(1, Math.floor(allowed / 2)));
    expect(high.output.reasons[1]).toBe(
      `memory pressure is high: at most ${Math.max(1, Math.floor(allowed / 2))} workers.`,
    );
  });

  it('runs a runner that takes no worker count as one process, and says so', async () => {
    const run = await runOptimize(3, { parallelism: 4, testCommand: ['make', 'test'] });
    expect(run.output.parallelism).toBe(1);
    expect(run.output.testCommand).toEqual(['make', 'test']);
    expect(run.output.reasons).toContain(
      'other takes no worker count here: the tests run as one process.',
    );
  });

  it('splits the files to edit into batches of at most 64', async () => {
    expect((await runOptimize(3, { parallelism: 1 })).output.batchSize).toBe(3);
    expect((await runOptimize(130, { parallelism: 1 })).output.batchSize).toBe(64);
  });

  it('puts the tests that reach the change first, with -x, for pytest', async () => {
    const pytest = ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
    const run = await runOptimize(2, {
      testCommand: pytest,
      risk: { testsToRun: ['tests/test_b.py', 'tests/test_a.py'] },
    });
    const command = run.output.testCommand;
    expect(command.slice(0, 2)).toEqual(['python3', '-c']);
    expect(command.slice(3)).toEqual([
      'tests/test_b.py',
      'tests/test_a.py',
      '--',
      '-q',
      '-p',
      'no:cacheprovider',
      '-x',
    ]);
    expect(run.output.reasons).toContain(
      '-x stops at the first failure; the 2 test files that reach the change run first.',
    );
  });

  it('fits test time to earlier runs and picks the workers that minimise it within the memory budget', async () => {
    // Test time 1000 + 8000/workers ms; memory 100 + 50·workers MB.
    const samples = [1, 2, 4, 8, 1, 2].map((workers, i) =>
      sample({
        fileCount: 2 + (i % 2),
        editCount: 3,
        parallelism: workers,
        testDurationMs: 1000 + 8000 / workers,
        memoryPeakMb: 100 + 50 * workers,
      }),
    );
    const run = await runOptimize(2, {
      files: VITEST,
      parallelism: 8,
      history: summary,
      historySamples: samples,
    });
    const best = Math.min(cores, 8);
    expect(run.output.parallelism).toBe(best);
    expect(run.output.prediction.model).toBe('linear');
    expect(run.output.prediction.testDurationMs).toBe(Math.round(1000 + 8000 / best));
    expect(run.output.prediction.memoryPeakMb).toBe(100 + 50 * best);
    expect(run.log.argsOf('history', 'samples')).toEqual([
      [{ kind: 'rename', language: 'typescript', limit: 50 }],
    ]);
  });

  it('keeps the rule when every earlier run used the same worker count', async () => {
    const samples = [2, 3, 4, 5].map((fileCount) => sample({ fileCount, parallelism: 2 }));
    const run = await runOptimize(2, {
      files: VITEST,
      parallelism: 8,
      history: summary,
      historySamples: samples,
    });
    expect(run.output.parallelism).toBe(Math.min(cores, 8));
    expect(run.output.reasons.join('\n')).toContain('all used one worker count');
  });

  it('sets the test timeout to five times the predicted test time, at least two minutes', async () => {
    const slow = await runOptimize(2, {
      history: summary,
      historySamples: [sample({ testDurationMs: 60_000 })],
    });
    expect(slow.output.testTimeoutMs).toBe(300_000);
    expect(slow.output.prediction).toMatchObject({
      model: 'median',
      runs: 1,
      testDurationMs: 60_000,
    });
    const fast = await runOptimize(2, {
      history: summary,
      historySamples: [sample({ testDurationMs: 1_000 })],
    });
    expect(fast.output.testTimeoutMs).toBe(120_000);
  });

  it('uses ten minutes without history, and ignores failed runs and runs without tests', async () => {
    expect((await runOptimize(2)).output.testTimeoutMs).toBe(600_000);
    const run = await runOptimize(2, {
      history: summary,
      historySamples: [sample({ success: false }), sample({ testDurationMs: null })],
    });
    expect(run.output.testTimeoutMs).toBe(600_000);
    expect(run.output.prediction.model).toBe('rules');
  });

  it("uses the execute phase's test_timeout_ms when given, over the history", async () => {
    const phaseSettings = createDefaultPhaseSettings().map((entry) =>
      entry.phase === 'execute' ? { phase: 'execute', test_timeout_ms: 42_000 } : entry,
    );
    const run = await runOptimize(2, {
      phaseSettings,
      history: summary,
      historySamples: [sample({})],
    });
    expect(run.output.testTimeoutMs).toBe(42_000);
    expect(run.output.reasons.at(-1)).toBe(
      'the test timeout is set to 42000 ms (--test-timeout or the plan).',
    );
  });

  it('records choice, prediction and inputs in plan.json after everything PLAN made, recomputable from the inputs', async () => {
    const run = await runOptimize(3, {
      files: VITEST,
      history: summary,
      historySamples: [sample({}), sample({ parallelism: 2, testDurationMs: 40_000 })],
      risk: { testsToRun: ['src/a.test.ts'] },
    });
    const section = run.written.data.optimize;
    expect(section?.choice).toEqual({
      parallelism: run.output.parallelism,
      batchSize: run.output.batchSize,
      testTimeoutMs: run.output.testTimeoutMs,
      testCommand: run.output.testCommand,
    });
    expect(section?.inputs).toMatchObject({
      cores,
      memoryLimitMb: Math.round(totalmem() / 1024 / 1024),
      fileCount: 3,
      editCount: 3,
      testsFirst: ['src/a.test.ts'],
      testScripts: { test: 'vitest run' },
      history: [
        [2, 2, 1, 60_000, 200],
        [2, 2, 2, 40_000, 200],
      ],
    });
    // The part PLAN made is byte-identical; the section comes last and is a function of its inputs.
    const text = run.written.toJson();
    expect(text.startsWith(run.plan.toJson().replace(/\n}\n$/, ''))).toBe(true);
    const testCommand = run.plan.node('test')?.command ?? [];
    if (!section) throw new Error('plan.json has no optimize section');
    expect(run.written.withOptimize(chooseExecution(section.inputs, testCommand)).toJson()).toBe(
      text,
    );
    expect(run.written.withOptimize(undefined).toJson()).toBe(run.plan.toJson());
  });

  it('replaces the choice a carried-out plan recorded, keeping its tests-first list for apply', async () => {
    const first = await runOptimize(2, { files: VITEST, risk: { testsToRun: ['t.test.ts'] } });
    const again = await runOptimize(2, { files: VITEST }, first.written);
    expect(again.written.data.optimize?.inputs.testsFirst).toEqual(['t.test.ts']);
    expect(again.output.reasons.at(-1)).toBe(
      'the plan recorded an earlier choice; this one replaces it.',
    );
  });
});
