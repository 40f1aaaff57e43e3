import { describe, expect, it } from 'vitest';
import { createBreakageModel } from '../../../src/phases/monte-carlo/breakage-model.js';
import { simulateBreakage } from '../../../src/phases/monte-carlo/simulate-breakage.js';

const edit = (file: string) => ({
  op: 'edit' as const,
  file,
  edits: [
    {
      start: [1, 1] as const,
      end: [1, 4] as const,
      oldText: 'foo',
      newText: 'bar',
      reason: 'reference',
    },
  ],
});

function model(certainty: number) {
  return createBreakageModel({
    names: ['foo'],
    changes: [edit('a.py'), edit('b.py')],
    certaintyByFile: { 'a.py': certainty, 'b.py': 1 },
    affectedFiles: ['a.py', 'b.py', 'c.py', 'tests/test_c.py'],
    importEdges: [
      { from: 'c.py', to: 'a.py', names: ['foo'] },
      { from: 'tests/test_c.py', to: 'c.py', names: ['run'] },
    ],
  });
}

describe('simulateBreakage', () => {
  it('gives identical figures for the same seed', async () => {
    const signal = new AbortController().signal;
    const first = await simulateBreakage(model(0.5), { seed: 7, durationLimitMs: 5_000, signal });
    const second = await simulateBreakage(model(0.5), { seed: 7, durationLimitMs: 5_000, signal });
    expect(second).toEqual(first);
    expect(first.converged).toBe(true);
  });

  it('rates uncertain edits riskier and spreads breaks to importers', async () => {
    const signal = new AbortController().signal;
    const sure = await simulateBreakage(model(1), { seed: 1, durationLimitMs: 5_000, signal });
    const unsure = await simulateBreakage(model(0.5), { seed: 1, durationLimitMs: 5_000, signal });
    expect(unsure.pBreak).toBeGreaterThan(sure.pBreak * 5);
    const files = model(0.5).files;
    expect(unsure.breakFrequency[files.indexOf('c.py')]).toBeGreaterThan(0);
  });

  it('counts the simulations per blast radius, in a histogram that agrees with the quantiles', async () => {
    const signal = new AbortController().signal;
    const result = await simulateBreakage(model(0.5), { seed: 3, durationLimitMs: 5_000, signal });
    const histogram = result.radiusHistogram;
    expect(histogram.reduce((sum, bin) => sum + bin.simulations, 0)).toBe(result.simulations);
    expect(histogram.map((bin) => bin.files)).toEqual(
      [...new Set(histogram.map((bin) => bin.files))].sort((a, b) => a - b),
    );
    expect(histogram.every((bin) => bin.simulations > 0)).toBe(true);
    expect(histogram.at(-1)?.files).toBe(result.blastRadius.max);
    // The share that broke nothing is 1 - P(break).
    const none = histogram.find((bin) => bin.files === 0)?.simulations ?? 0;
    expect(none / result.simulations).toBeCloseTo(1 - result.pBreak, 10);
  });

  it('marks files reached by a test as covered and lists that test', () => {
    const m = model(1);
    expect(m.tests).toEqual(['tests/test_c.py']);
    expect(m.covered[m.files.indexOf('c.py')]).toBe(true);
    expect(m.covered[m.files.indexOf('b.py')]).toBe(false);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      simulateBreakage(model(1), { seed: 1, durationLimitMs: 5_000, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
