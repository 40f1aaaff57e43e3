import { describe, expect, it } from 'vitest';
import { renderMemory } from '../../../src/report/render-memory.js';
import { renderTimeline } from '../../../src/report/render-timeline.js';
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
