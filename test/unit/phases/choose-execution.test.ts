import { describe, expect, it } from 'vitest';
import type { OptimizeSection } from '../../../src/core/plan/optimize-section-schema.js';
import { chooseExecution } from '../../../src/phases/optimize/choose-execution.js';
import { fitLinear } from '../../../src/phases/optimize/fit-linear.js';

const VITEST = ['npm', 'test', '--silent'];

function inputs(over: Partial<OptimizeSection['inputs']> = {}): OptimizeSection['inputs'] {
  return {
    cores: 8,
    parallelismLimit: 8,
    memoryLimitMb: 1000,
    memoryThreshold: 0.5,
    pressureHigh: false,
    fileCount: 4,
    editCount: 4,
    testsFirst: [],
    fixedTestTimeoutMs: null,
    testScripts: { test: 'vitest run' },
    history: [],
    ...over,
  };
}

/** Earlier runs whose test time and memory follow `testMs(workers)` and `memoryMb(workers)`. */
function historyOf(
  testMs: (workers: number) => number,
  memoryMb: (workers: number) => number,
): OptimizeSection['inputs']['history'] {
  return [1, 2, 3, 4, 6, 8, 1, 2].map((workers, i) => [
    4 + (i % 3),
    4,
    workers,
    Math.round(testMs(workers)),
    memoryMb(workers),
  ]);
}

describe('chooseExecution', () => {
  it('picks one worker when the history shows more workers make the tests slower', () => {
    // Test time 5000 - 3000/w: 2000 ms with one worker, 4625 ms with eight (contention).
    const section = chooseExecution(
      inputs({
        memoryLimitMb: 100_000,
        history: historyOf(
          (w) => 5000 - 3000 / w,
          () => 100,
        ),
      }),
      VITEST,
    );
    expect(section.model.kind).toBe('linear');
    expect(section.model.testMs?.perInverseWorker).toBeCloseTo(-3000, 0);
    expect(section.choice.parallelism).toBe(1);
    expect(section.prediction.testDurationMs).toBe(2000);
  });

  it('keeps predicted peak memory under threshold × limit', () => {
    // Faster with every worker, but each costs 100 MB: 100 + 100·w ≤ 500 allows 4.
    const section = chooseExecution(
      inputs({
        history: historyOf(
          (w) => 1000 + 8000 / w,
          (w) => 100 + 100 * w,
        ),
      }),
      VITEST,
    );
    expect(section.choice.parallelism).toBe(4);
    expect(section.prediction).toEqual({ testDurationMs: 3000, memoryPeakMb: 500 });
    expect(section.reasons.join('\n')).toContain(
      '4 workers (--maxWorkers) minimise it within 500 MB',
    );
  });

  it('gives the same section for the same inputs', () => {
    const given = inputs({
      history: historyOf(
        (w) => 1000 + 8000 / w,
        (w) => 100 + 10 * w,
      ),
    });
    expect(JSON.stringify(chooseExecution(given, VITEST))).toBe(
      JSON.stringify(chooseExecution(structuredClone(given), VITEST)),
    );
  });

  it('leaves a command whose runner it does not know as written', () => {
    const section = chooseExecution(inputs({ testScripts: { test: 'jest && echo done' } }), VITEST);
    expect(section.runner.name).toBe('other');
    expect(section.choice.testCommand).toEqual(VITEST);
  });

  it('runs node --test as node itself with a concurrency, unless npm runs a pretest around it', () => {
    const plain = chooseExecution(
      inputs({ cores: 2, testScripts: { test: 'node --test test/' } }),
      VITEST,
    );
    expect(plain.choice.testCommand).toEqual(['node', '--test', '--test-concurrency=2', 'test/']);
    expect(plain.reasons.join('\n')).toContain('node-test cannot stop at the first failure');
    const wrapped = chooseExecution(
      inputs({ testScripts: { test: 'node --test', pretest: 'npm run build' } }),
      VITEST,
    );
    expect(wrapped.choice.testCommand).toEqual(VITEST);
  });
});

describe('fitLinear', () => {
  it('recovers exact coefficients and leaves out a feature that never varied', () => {
    const rows = [
      [1, 5, 1],
      [2, 5, 0.5],
      [3, 5, 0.25],
      [4, 5, 1],
    ];
    const fit = fitLinear(
      rows,
      rows.map(([a = 0, , c = 0]) => 10 + 2 * a + 100 * c),
    );
    expect(fit.varied).toEqual([true, false, true]);
    expect(fit.intercept).toBeCloseTo(10, 4);
    expect(fit.coefficients[0]).toBeCloseTo(2, 4);
    expect(fit.coefficients[1]).toBe(0);
    expect(fit.coefficients[2]).toBeCloseTo(100, 4);
  });
});
