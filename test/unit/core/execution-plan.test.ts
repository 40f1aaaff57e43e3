import { describe, expect, it } from 'vitest';
import { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';
import { toTopologicalOrder } from '../../../src/core/plan/topological-order.js';

const validPlan = () => ({
  version: 2,
  command: 'rename a to b',
  intent: { kind: 'rename', from: 'a', to: 'b' },
  language: 'python',
  base: '0123456789abcdef0123456789abcdef01234567',
  tokenBudget: 4096,
  maxRetries: 3,
  phases: [{ phase: 'map', targets: ['ripgrep'] }, { phase: 'execute' }],
  analysis: { title: 'Rename a to b', targets: [], leftAlone: [], details: {} },
  dag: {
    nodes: [
      {
        id: 'edit:x.py',
        op: 'edit',
        file: 'x.py',
        edits: [{ start: [1, 5], end: [1, 6], oldText: 'a', newText: 'b', reason: 'declaration' }],
      },
      { id: 'test', op: 'test', command: ['python3', '-m', 'unittest'] },
      {
        id: 'check',
        op: 'check',
        compile: { kind: 'language-service' },
        verify: [{ check: 'word-positions', word: 'a', expected: [] }],
      },
      { id: 'commit', op: 'commit', message: 'Rename a to b' },
    ],
    edges: [
      ['edit:x.py', 'test'],
      ['edit:x.py', 'check'],
      ['test', 'commit'],
      ['check', 'commit'],
    ],
  },
});

describe('ExecutionPlan.fromJson', () => {
  it('round-trips to the same bytes whatever the key order of the input', () => {
    const plan = ExecutionPlan.fromJson(validPlan());
    const shuffled = JSON.parse(JSON.stringify(validPlan()), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(ExecutionPlan.fromJson(shuffled).toJson()).toBe(plan.toJson());
    expect(plan.order).toEqual(['edit:x.py', 'test', 'check', 'commit']);
  });

  it('rejects a plan without command or phases, naming the fields', () => {
    const { command: _c, phases: _p, ...rest } = validPlan();
    expect(() => ExecutionPlan.fromJson(rest, 'plan.json')).toThrow(
      /command[\s\S]*phases|phases[\s\S]*command/,
    );
  });

  it('rejects an unknown phase, naming its index', () => {
    const plan = validPlan();
    (plan.phases as unknown[]).push({ phase: 'deploy' });
    expect(() => ExecutionPlan.fromJson(plan, 'plan.json')).toThrow(
      /phases\[2\]\.phase is "deploy"/,
    );
  });

  it('rejects a cycle, naming the nodes in it', () => {
    const plan = validPlan();
    plan.dag.edges.push(['commit', 'edit:x.py']);
    expect(() => ExecutionPlan.fromJson(plan)).toThrow(
      /cycle through: edit:x.py, test, check, commit/,
    );
  });

  it('rejects an edge to an unknown node and overlapping edits, naming them', () => {
    const plan = validPlan();
    plan.dag.edges.push(['test', 'deploy']);
    expect(() => ExecutionPlan.fromJson(plan)).toThrow(/dag.edges\[4\] names node "deploy"/);
    const bad = validPlan();
    const node = bad.dag.nodes[0] as { edits: unknown[] };
    node.edits.push({ start: [1, 3], end: [2, 1], oldText: 'x', newText: 'y', reason: 'r' });
    expect(() => ExecutionPlan.fromJson(bad)).toThrow(
      /dag.nodes\[0\].edits has overlapping edits at 1:3 and 1:5/,
    );
  });

  it('refuses a version 1 plan, saying to make a new one', () => {
    expect(() => ExecutionPlan.fromJson({ ...validPlan(), version: 1 }, 'plan.json')).toThrow(
      /plan.json is a version 1 plan, made by an earlier mcp-orchestrator; .* Make a new plan/,
    );
  });

  it('refuses an absolute or climbing path, and a second node for one file', () => {
    const absolute = validPlan();
    (absolute.dag.nodes[0] as { file: string }).file = '/etc/passwd';
    expect(() => ExecutionPlan.fromJson(absolute)).toThrow(/workspace-relative POSIX path/);
    const twice = validPlan();
    twice.dag.nodes.push({ ...(twice.dag.nodes[0] as object), id: 'edit:again' } as never);
    expect(() => ExecutionPlan.fromJson(twice)).toThrow(
      /edits "x.py", which an edit node edits already/,
    );
  });

  it('accepts create, delete and move nodes, and gives them back as file changes', () => {
    const plan = validPlan();
    plan.dag.nodes.unshift(
      {
        id: 'create:n.py',
        op: 'create',
        file: 'n.py',
        text: 'x = 1\n',
        reason: 'new module',
      } as never,
      { id: 'move:x.py', op: 'move', file: 'x.py', to: 'y/x.py', reason: 'moved' } as never,
    );
    plan.dag.edges.push(['edit:x.py', 'move:x.py']);
    const parsed = ExecutionPlan.fromJson(plan);
    expect(parsed.fileChanges().map((c) => `${c.op} ${c.file}`)).toEqual([
      'create n.py',
      'edit x.py',
      'move x.py',
    ]);
  });

  it('rejects invalid JSON text with the parser message', () => {
    expect(() => ExecutionPlan.fromJson('{"version": 1,', 'plan.json')).toThrow(
      /plan.json is not valid JSON/,
    );
  });
});

describe('toTopologicalOrder', () => {
  it('breaks ties by the given node order', () => {
    expect(toTopologicalOrder(['c', 'a', 'b'], [['a', 'b']])).toEqual(['c', 'a', 'b']);
  });

  /** The definition: of the nodes whose predecessors are all placed, the first given is next. */
  function byDefinition(ids: readonly string[], edges: ReadonlyArray<[string, string]>) {
    const order: string[] = [];
    while (order.length < ids.length) {
      const next = ids.find(
        (id) =>
          !order.includes(id) && edges.every(([from, to]) => to !== id || order.includes(from)),
      );
      if (next === undefined) throw new Error('cycle');
      order.push(next);
    }
    return order;
  }

  it('places the first-given ready node next, on random acyclic plans', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial += 1) {
      const count = 1 + Math.floor(random() * 40);
      // Edges only from a lower to a higher rank: acyclic; the given order is shuffled.
      const ranked = Array.from({ length: count }, (_, i) => `n${i}`);
      const edges: Array<[string, string]> = [];
      for (let a = 0; a < count; a += 1)
        for (let b = a + 1; b < count; b += 1)
          if (random() < 0.08) edges.push([ranked[a] as string, ranked[b] as string]);
      const given = [...ranked].sort(() => random() - 0.5);
      expect(toTopologicalOrder(given, edges)).toEqual(byDefinition(given, edges));
    }
  });

  it('names the nodes of a cycle, and an edge to a node the plan does not have', () => {
    expect(() =>
      toTopologicalOrder(
        ['a', 'b', 'c', 'd'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'b'],
        ],
      ),
    ).toThrow('Plan field dag.edges has a cycle through: b, c.');
    expect(() => toTopologicalOrder(['a'], [['a', 'x']])).toThrow(
      'Plan field dag.edges[0] names node "x", which is not in dag.nodes.',
    );
  });
});

describe('ExecutionPlan node requirements', () => {
  it('refuses a plan without a test node, so nothing untested is committed', () => {
    const plan = validPlan();
    plan.dag.nodes = plan.dag.nodes.filter((node) => node.op !== 'test');
    plan.dag.edges = plan.dag.edges.filter(([from, to]) => from !== 'test' && to !== 'test');
    expect(() => ExecutionPlan.fromJson(plan, 'plan.json')).toThrow(
      /plan.json field dag.nodes has 0 "test" nodes/,
    );
  });
});
