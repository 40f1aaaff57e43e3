import { describe, expect, it } from 'vitest';
import type { ExecuteOutput, ReviewOutput } from '../../../src/core/phase-outputs.js';
import type { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';
import { createReviewPhase } from '../../../src/phases/review/review-phase.js';
import { createFakeContext } from '../../fixtures/phases/fake-services.js';
import {
  FAKE_COMMIT,
  FAKE_WORKTREE,
  type FakeWorktree,
} from '../../fixtures/phases/fake-worktree.js';
import {
  createPlan,
  executeOutput,
  passedCompile,
  passedTest,
} from '../../fixtures/phases/plan-fixtures.js';
import { RENAME_FILES } from '../../fixtures/phases/rename-scenario.js';

/** Where the rename leaves "getUser" on purpose, after its edits. */
const EXPECTED: Array<[string, number, number]> = [
  ['README.md', 1, 6],
  ['src/app.ts', 2, 4],
  ['src/app.ts', 3, 30],
];

const renamePlan = (expected = EXPECTED) =>
  createPlan({ verify: [{ check: 'word-positions', word: 'getUser', expected }] });

/** A context whose worktree already holds the plan's changes, as EXECUTE left it. */
async function setUp(
  plan: ExecutionPlan,
  files: Record<string, string> = RENAME_FILES,
  execute: (worktree: FakeWorktree) => Partial<ExecuteOutput> = () => ({}),
) {
  const run = createFakeContext({ files });
  await run.worktree.files.applyChanges(plan.fileChanges());
  run.log.calls.length = 0;
  const outcome = await createReviewPhase().run(run.context, {
    plan: { plan, planPath: '/fake/run/plan.json' },
    execute: executeOutput(run.worktree, execute(run.worktree)),
  });
  return { ...run, outcome };
}

const errorOf = (outcome: Awaited<ReturnType<typeof setUp>>['outcome']) =>
  outcome.success ? undefined : outcome.error;

describe('REVIEW phase', () => {
  it("checks the rename's expected positions against findWholeWord in the worktree, then commits", async () => {
    const run = await setUp(renamePlan());
    expect(run.log.argsOf('git', 'findWholeWord').map((args) => args.slice(0, 2))).toEqual([
      ['getUser', { cwd: FAKE_WORKTREE }],
    ]);
    expect(run.outcome.success).toBe(true);
    const output = (run.outcome as { output: ReviewOutput }).output;
    expect(output).toMatchObject({ problems: [], testsPassed: true, commit: FAKE_COMMIT });
    expect(output.diffStat).toEqual(await run.worktree.diffStat());
    expect(output.diffStat).toMatchObject({ additions: 3, deletions: 3 });
  });

  it('refuses with CHECK_FAILED the occurrences of the old name the plan did not expect, as file:line: text', async () => {
    const run = await setUp(renamePlan([['README.md', 1, 6]]));
    expect(errorOf(run.outcome)?.code).toBe('CHECK_FAILED');
    expect(run.outcome.data.problems).toEqual([
      `2 stale reference(s) to "getUser":\n  src/app.ts:2: // getUser loads one user\n  src/app.ts:3: console.log(fetchUser('1'), 'getUser');`,
    ]);
    expect(errorOf(run.outcome)?.message).toContain(
      'Review failed on mcp-orchestrator/rename-getuser-to-fetchuser',
    );
    expect(run.log.argsOf('worktree', 'commitFiles')).toEqual([]);
    expect(run.written.size).toBe(0);
  });

  it('fails on a failed compile, naming the check and its output', async () => {
    const compile = passedCompile({
      passed: false,
      outputTail: "error TS2304: Cannot find name 'getUser'.",
    });
    const run = await setUp(renamePlan(), RENAME_FILES, () => ({ compile }));
    expect(errorOf(run.outcome)?.code).toBe('CHECK_FAILED');
    expect(run.outcome.data.problems).toEqual([
      "type check (tsconfig.json) of 2 file(s), 0 error(s) already at the base left out failed:\nerror TS2304: Cannot find name 'getUser'.",
    ]);
    expect(run.outcome.data.compile).toMatchObject({ passed: false, outputTail: undefined });
    expect(run.log.argsOf('worktree', 'commitFiles')).toEqual([]);
  });

  it('fails when the tests did not pass', async () => {
    const run = await setUp(renamePlan(), RENAME_FILES, () => ({
      test: passedTest({ passed: false, exitCode: 1 }),
    }));
    expect(errorOf(run.outcome)?.code).toBe('CHECK_FAILED');
    expect(run.outcome.data.problems).toEqual(['the tests did not pass']);
  });

  it("commits exactly the changed files, with the commit node's message", async () => {
    const run = await setUp(renamePlan());
    const [commit] = run.log.argsOf('worktree', 'commitFiles');
    expect(commit?.slice(0, 2)).toEqual([
      ['src/app.ts', 'src/users.ts'],
      'Rename getUser to fetchUser\n\nMade by a test.',
    ]);
  });

  it('commits both paths of a moved file', async () => {
    const plan = createPlan({
      verify: [],
      changes: [
        {
          op: 'edit',
          file: 'pkg/old.py',
          edits: [{ start: [1, 1], end: [1, 4], oldText: 'OLD', newText: 'NEW', reason: 'r' }],
        },
        { op: 'move', file: 'pkg/old.py', to: 'pkg/new.py', reason: 'moved' },
        { op: 'create', file: 'pkg/extra.py', text: 'X = 1\n', reason: 'new module' },
      ],
    });
    const run = await setUp(plan, { 'pkg/old.py': 'OLD = 1\n' });
    expect(run.outcome.success).toBe(true);
    const committed = (run.log.argsOf('worktree', 'commitFiles')[0]?.[0] ?? []) as string[];
    expect([...committed].sort()).toEqual(['pkg/extra.py', 'pkg/new.py', 'pkg/old.py']);
  });

  it('writes diff.patch through RunFiles after the commit', async () => {
    const run = await setUp(renamePlan());
    expect(run.log.argsOf('runFiles', 'writeText').map((args) => args[0])).toEqual(['diff.patch']);
    expect(run.written.get('diff.patch')).toBe(await run.worktree.diffPatch());
    expect(run.written.get('diff.patch')).toContain('+export function fetchUser(id: string) {');
    const order = run.log.names();
    expect(order.indexOf('worktree.commitFiles')).toBeLessThan(order.indexOf('worktree.diffPatch'));
  });
});
