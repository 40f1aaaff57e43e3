import { describe, expect, it } from 'vitest';
import { layOutDag, renderDag } from '../../../src/report/render-dag.js';
import { fixturePlan } from '../../helpers/run-folder-fixture.js';

describe('layOutDag', () => {
  it('puts each node one column right of the deepest node it waits for', () => {
    const layout = layOutDag(fixturePlan().dag);
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layer).toEqual({
      'edit:src/users.js': 0,
      'edit:src/index.js': 0,
      test: 1,
      check: 1,
      commit: 2,
    });
    expect(layout.edges).toHaveLength(5);
  });

  it('draws a crowded column as its first nodes and one "+N more" node that takes their edges', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      id: `edit:${i}`,
      op: 'edit',
      file: `f${i}.ts`,
    }));
    const dag = {
      nodes: [...nodes, { id: 'test', op: 'test' }],
      edges: nodes.map((n) => [n.id, 'test'] as [string, string]),
    };
    const layout = layOutDag(dag);
    const first = layout.nodes.filter((n) => n.layer === 0);
    expect(first).toHaveLength(12);
    expect(first.at(-1)?.label).toBe('+19 more');
    expect(layout.edges).toHaveLength(12);
  });

  it('puts a node left on a cycle (a hand-edited plan) in a column after the rest instead of looping', () => {
    const layout = layOutDag({
      nodes: [
        { id: 'a', op: 'edit' },
        { id: 'b', op: 'edit' },
        { id: 'c', op: 'test' },
      ],
      edges: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
        ['a', 'ghost'],
      ],
    });
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });
});

describe('renderDag', () => {
  it('says the run stopped before PLAN when there is no plan', () => {
    expect(renderDag(null)).toContain('No plan.json in the run folder');
  });

  it('draws one box per node and escapes what the plan says', () => {
    const plan = fixturePlan();
    plan.dag.nodes.push({ id: '<x>', op: 'edit', file: '<img src=x>' });
    const svg = renderDag(plan);
    expect(svg.match(/class="dag-node"/g)).toHaveLength(6);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x&gt;');
  });
});
