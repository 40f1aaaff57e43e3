import { describe, expect, it } from 'vitest';
import { renderTokens, toPhaseTokens } from '../../../src/report/render-tokens.js';
import { toTimeline } from '../../../src/report/to-timeline.js';
import { fixturePlan, fixtureResult, fixtureTrace } from '../../helpers/run-folder-fixture.js';

describe('toPhaseTokens', () => {
  it("takes each phase's last attempt from the trace, with the budget it was held to", () => {
    const tokens = toPhaseTokens(toTimeline(fixtureTrace()), fixtureResult(), fixturePlan());
    expect(tokens).toEqual({
      phases: [
        { phase: 'map', tokens: 301, budget: 4096, trimmed: false },
        { phase: 'plan', tokens: 300, budget: 4096, trimmed: false },
      ],
      runBudget: 28672,
    });
  });

  it("falls back to result.json and the plan's budget without a trace", () => {
    const tokens = toPhaseTokens(null, fixtureResult(), { ...fixturePlan(), tokenBudget: 2000 });
    expect(tokens.phases[0]).toEqual({ phase: 'map', tokens: 301, budget: 2000, trimmed: false });
    expect(tokens.runBudget).toBeNull();
  });
});

describe('renderTokens', () => {
  it('draws a row per phase and one for the run, and flags a phase over its budget', () => {
    const svg = renderTokens({
      phases: [
        { phase: 'map', tokens: 100, budget: 50, trimmed: false },
        { phase: 'plan', tokens: 10, budget: null, trimmed: false },
      ],
      runBudget: 1000,
    });
    expect(svg.match(/class="token-row"/g)).toHaveLength(3);
    expect(svg).toContain('100 tokens — 200% of 50');
    expect(svg).toContain('10 tokens — no budget recorded');
    expect(svg).toContain('110 tokens — 11% of 1000');
    expect(svg).toContain('fill="#c62828"');
  });
});
