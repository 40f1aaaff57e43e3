import { describe, expect, it } from 'vitest';
import { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';
import { toTopologicalOrder } from '../../../src/core/plan/topological-order.js';

const validPlan = () => ({
  version: 1,
  command: 'rename a to b',
  intent: { kind: 'rename', from: 'a', to: 'b', symbolKind: 'any', confidence: 0.9 },
  base: '0123456789abcdef0123456789abcdef01234567',
  tokenBudget: 4096,
  maxRetries: 3,
  phases: [{ phase: 'map', targets: ['ripgrep'] }, { phase: 'execute' }],
  dag: {
    nodes: [
      {
        id: 'edit:x.py',
        op: 'edit',
        file: 'x.py',
        edits: [{ line: 1, column: 5, length: 1, oldText: 'a', newText: 'b' }],
      },
      { id: 'test', op: 'test', command: ['python3', '-m', 'unittest'] },
      { id: 'check', op: 'check', compile: 'py_compile', staleScan: { name: 'a', remaining: {} } },
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

  it('rejects an edge to an unknown node and an oldText that does not fit its length', () => {
    const plan = validPlan();
    plan.dag.edges.push(['test', 'deploy']);
    expect(() => ExecutionPlan.fromJson(plan)).toThrow(/dag.edges\[4\] names node "deploy"/);
    const bad = validPlan();
    const [firstEdit] = (bad.dag.nodes[0] as { edits: Array<{ length: number }> }).edits;
    if (firstEdit) firstEdit.length = 3;
    expect(() => ExecutionPlan.fromJson(bad)).toThrow(/oldText has 1 characters but length is 3/);
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
