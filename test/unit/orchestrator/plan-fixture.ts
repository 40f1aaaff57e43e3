import { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';

/** A small valid rename plan; `overrides` replace top-level fields, `test`/`compile` the nodes'. */
export function createPlan(
  options: {
    phases?: Array<Record<string, unknown> & { phase: string }>;
    test?: string[];
    compile?: Record<string, unknown>;
    language?: 'python' | 'typescript';
  } = {},
): ExecutionPlan {
  return ExecutionPlan.fromJson({
    version: 2,
    command: 'rename a to b',
    intent: { kind: 'rename', from: 'a', to: 'b' },
    language: options.language ?? 'typescript',
    base: '0123456789abcdef0123456789abcdef01234567',
    tokenBudget: 4096,
    maxRetries: 3,
    phases: options.phases ?? [{ phase: 'map', targets: ['ripgrep'] }, { phase: 'execute' }],
    analysis: { title: 'Rename a to b', targets: [], leftAlone: [], details: {} },
    dag: {
      nodes: [
        {
          id: 'edit:x.js',
          op: 'edit',
          file: 'x.js',
          edits: [
            { start: [1, 5], end: [1, 6], oldText: 'a', newText: 'b', reason: 'declaration' },
          ],
        },
        { id: 'test', op: 'test', command: options.test ?? ['npm', 'test', '--silent'] },
        {
          id: 'check',
          op: 'check',
          compile: options.compile ?? {
            kind: 'none',
            reason: 'the workspace has no tsconfig.json',
          },
          verify: [],
        },
        { id: 'commit', op: 'commit', message: 'Rename a to b' },
      ],
      edges: [
        ['edit:x.js', 'test'],
        ['edit:x.js', 'check'],
        ['test', 'commit'],
        ['check', 'commit'],
      ],
    },
  });
}
