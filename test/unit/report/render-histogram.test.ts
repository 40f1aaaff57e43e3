import { describe, expect, it } from 'vitest';
import { renderHistogram, toBins } from '../../../src/report/render-histogram.js';
import { fixtureResult } from '../../helpers/run-folder-fixture.js';

describe('toBins', () => {
  it('keeps one bin per file count, the empty ones too', () => {
    expect(
      toBins([
        { files: 0, simulations: 5 },
        { files: 3, simulations: 2 },
      ]),
    ).toEqual([
      { from: 0, to: 0, simulations: 5 },
      { from: 1, to: 1, simulations: 0 },
      { from: 2, to: 2, simulations: 0 },
      { from: 3, to: 3, simulations: 2 },
    ]);
  });

  it('puts a wide histogram in at most 60 bins of equal width, losing no simulation', () => {
    const histogram = Array.from({ length: 500 }, (_, files) => ({ files, simulations: 2 }));
    const bins = toBins(histogram);
    expect(bins.length).toBeLessThanOrEqual(60);
    expect(bins[0]).toEqual({ from: 0, to: 8, simulations: 18 });
    expect(bins.reduce((sum, b) => sum + b.simulations, 0)).toBe(1000);
  });
});

describe('renderHistogram', () => {
  it('draws a bar per bin with the p50 and p95 markers and the figures', () => {
    const html = renderHistogram(fixtureResult().risk);
    expect(html.match(/class="hist-bar"/g)).toHaveLength(5);
    expect(html).toContain('p50 = 0');
    expect(html).toContain('P(break) <b>0.10%</b>');
    expect(html).toContain('log scale');
  });

  it('says why there is nothing to draw', () => {
    expect(renderHistogram(null)).toContain('MONTE CARLO did not run');
    const risk = fixtureResult().risk;
    const old = risk === null ? null : { ...risk, blastRadiusHistogram: undefined };
    expect(renderHistogram(old)).toContain('recorded no histogram');
  });
});
