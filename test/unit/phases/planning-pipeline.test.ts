import { describe, expect, it } from 'vitest';
import type { AnyPhase } from '../../../src/core/phase.js';
import type { PhaseOutputs } from '../../../src/core/phase-outputs.js';
import { runPipeline } from '../../../src/core/pipeline/run-pipeline.js';
import type { TokenCounter } from '../../../src/core/services.js';
import { NO_SPANS } from '../../../src/core/spans.js';
import { createLogicPhase } from '../../../src/phases/logic/logic-phase.js';
import { createMapPhase } from '../../../src/phases/map/map-phase.js';
import { createMonteCarloPhase } from '../../../src/phases/monte-carlo/monte-carlo-phase.js';
import { createPlanPhase } from '../../../src/phases/plan/plan-phase.js';
import { createFakeContext, FAKE_BASE_COMMIT } from '../../fixtures/phases/fake-services.js';
import { renameScenario } from '../../fixtures/phases/rename-scenario.js';

/** Counts words as tokens; never trims (the packs here are small). */
const tokens: TokenCounter = {
  count: (text) => text.split(/\s+/).filter(Boolean).length,
  trim: (text) => ({ text, tokens: tokens.count(text), trimmed: false }),
};
const spans = NO_SPANS;

const PLANNING: AnyPhase[] = [
  createMapPhase(),
  createLogicPhase(),
  createMonteCarloPhase(),
  createPlanPhase(),
];

async function planRename() {
  const run = createFakeContext(renameScenario());
  const outputs: Partial<PhaseOutputs> = {};
  const results = await runPipeline(PLANNING, run.context, {
    maxRetries: 0,
    baseBackoffMs: 1,
    tokens,
    spans,
    outputs,
  });
  return { ...run, results, outputs, planJson: run.written.get('plan.json') ?? '' };
}

describe('the planning pipeline (map → logic → monte_carlo → plan) over fakes', () => {
  it('plans a small rename: edits with ranges and reasons, and where the old name may stay', async () => {
    const run = await planRename();
    expect(run.results.map((r) => [r.phase, r.success, r.error?.message])).toEqual([
      ['map', true, undefined],
      ['logic', true, undefined],
      ['monte_carlo', true, undefined],
      ['plan', true, undefined],
    ]);
    const plan = JSON.parse(run.planJson);
    expect(plan).toMatchObject({
      version: 2,
      command: 'rename getUser to fetchUser',
      intent: { kind: 'rename', from: 'getUser', to: 'fetchUser' },
      language: 'typescript',
      base: FAKE_BASE_COMMIT,
    });
    const rename = (line: number, column: number, reason: string) => ({
      start: [line, column],
      end: [line, column + 7],
      oldText: 'getUser',
      newText: 'fetchUser',
      reason,
    });
    expect(plan.dag.nodes).toEqual([
      {
        id: 'edit:src/app.ts',
        op: 'edit',
        file: 'src/app.ts',
        edits: [rename(1, 10, 'import'), rename(3, 13, 'reference')],
      },
      {
        id: 'edit:src/users.ts',
        op: 'edit',
        file: 'src/users.ts',
        edits: [rename(1, 17, 'declaration')],
      },
      { id: 'test', op: 'test', command: ['npm', 'test', '--silent'] },
      {
        id: 'check',
        op: 'check',
        compile: { kind: 'language-service' },
        verify: [
          {
            check: 'word-positions',
            word: 'getUser',
            expected: [
              ['README.md', 1, 6],
              ['src/app.ts', 2, 4],
              ['src/app.ts', 3, 30],
            ],
          },
        ],
      },
      {
        id: 'commit',
        op: 'commit',
        message:
          'Rename getUser to fetchUser\n\nMade by mcp-orchestrator from the command: rename getUser to fetchUser',
      },
    ]);
    expect(plan.analysis.leftAlone.map((o: { reason: string }) => o.reason)).toEqual([
      'text',
      'comment',
      'string',
    ]);
  });

  it('hands each phase the typed output of the one before', async () => {
    const run = await planRename();
    // LOGIC took the declarations from MAP's output: only MAP asked dependency_graph.
    expect(run.log.argsOf('graph', 'definitions')).toHaveLength(1);
    expect(run.outputs.logic?.targets).toEqual(run.outputs.map?.definitions.getUser);
    // MONTE CARLO ran over LOGIC's import graph: the test file that imports the changed code.
    expect(run.outputs.monte_carlo?.testsToRun).toEqual(['test/app.test.ts']);
    // PLAN wrote what LOGIC decided.
    expect(run.outputs.plan?.plan.fileChanges()).toEqual(run.outputs.logic?.changes);
    expect(run.outputs.plan?.plan.toJson()).toBe(run.planJson);
  });

  it('gives the same plan bytes for the same command on the same commit', async () => {
    const first = await planRename();
    const second = await planRename();
    expect(second.planJson).toBe(first.planJson);
    expect(second.outputs.monte_carlo).toEqual(first.outputs.monte_carlo);
  });
});
