import { describe, expect, it } from 'vitest';
import { renderMemory } from '../../../src/report/render-memory.js';
import {
  MAX_BARS_PER_ROW,
  renderTimeline,
  toDrawnSpans,
} from '../../../src/report/render-timeline.js';
import { toTimeline } from '../../../src/report/to-timeline.js';
import { fixtureMemory, fixtureTrace } from '../../helpers/run-folder-fixture.js';

describe('renderTimeline', () => {
  it('draws a bar per phase attempt and per span inside, a failed attempt in red', () => {
    const html = renderTimeline(toTimeline(fixtureTrace()));
    expect(html.match(/class="phase-bar"/g)).toHaveLength(3);
    expect(html.match(/class="call-bar"/g)).toHaveLength(5);
    expect(html).toContain('map (attempt 2)');
    expect(html).toMatch(/class="phase-bar" data-span="phase\.map"[^>]*fill="#c62828"/);
    expect(html.match(/<tr><td>(ripgrep|dependency_graph)<\/td>/g)).toHaveLength(2);
    expect(html).toContain('<code>npm test --silent</code>');
  });

  it("puts the last phase's duration left of its bar when the bar ends at the chart's edge", () => {
    const html = renderTimeline(toTimeline(fixtureTrace()));
    expect(html).toMatch(/text-anchor="end">400 ms<\/text>/);
    expect(html).toMatch(/class="bar-label">250 ms<\/text>/);
  });

  it('says there is nothing to draw without a trace', () => {
    expect(renderTimeline(null)).toContain('No trace.jsonl in the run folder');
  });
});

describe('renderMemory', () => {
  it('draws both lines through every sample, marks high pressure and names the peak', () => {
    const html = renderMemory(fixtureMemory(), toTimeline(fixtureTrace()));
    const tree = /class="line tree"/.test(html)
      ? (/d="([^"]+)" class="line tree"/.exec(html)?.[1] ?? '')
      : '';
    expect(tree.match(/[ML]/g)).toHaveLength(11);
    expect(html).toContain('Peak 400 MB at 1.00 s; 11 samples; 1 sample(s) under high pressure.');
  });
});

describe('toDrawnSpans', () => {
  it('draws at most MAX_BARS_PER_ROW bars a row: the failed ones, then the longest, in time order', () => {
    const spans = Array.from({ length: MAX_BARS_PER_ROW + 500 }, (_, i) => ({
      spanId: String(i),
      name: 'tools/call compute_edits',
      startMs: i,
      durationMs: i % 7,
      failed: i === 3,
      kind: 'mcp' as const,
      group: 'dependency_graph',
      attributes: {},
    }));
    const drawn = toDrawnSpans(spans);
    expect(drawn).toHaveLength(MAX_BARS_PER_ROW);
    expect(drawn.some((s) => s.spanId === '3')).toBe(true);
    expect(drawn.map((s) => s.startMs)).toEqual(drawn.map((s) => s.startMs).sort((a, b) => a - b));
    const shortestDrawn = Math.min(...drawn.filter((s) => !s.failed).map((s) => s.durationMs));
    const longestLeft = Math.max(
      ...spans.filter((s) => !drawn.includes(s)).map((s) => s.durationMs),
    );
    expect(shortestDrawn).toBeGreaterThanOrEqual(longestLeft);
  });
});
