import { describe, expect, it } from 'vitest';
import type { ExecuteOutput } from '../../../src/core/phase-outputs.js';
import {
  commandsOf,
  createMeeting,
  diagnosticsCalls,
  isCompile,
  isTest,
  renameEdit,
  runsOf,
  setUpExecute as setUp,
  untilStopped,
} from '../../fixtures/phases/execute-setup.js';
import {
  cancelledWhenAborted,
  diagnostic,
  diagnosticsByTree,
} from '../../fixtures/phases/fake-diagnostics.js';
import { FAKE_BASE_COMMIT, untilAborted } from '../../fixtures/phases/fake-services.js';
import { FAKE_SCRATCH_WORKTREE, FAKE_WORKTREE } from '../../fixtures/phases/fake-worktree.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

const COMPILE = ['make', 'typecheck'];
const UNDEFINED_NAME = diagnostic('src/app.ts:3:13', 'TS2304', "Cannot find name 'getUser'.");

describe('EXECUTE phase', () => {
  it('refuses a plan that edits files git does not track (PLAN_INVALID), before making a worktree', async () => {
    const plan = createPlan({ changes: [renameEdit('src/ghost.ts')] });
    const run = setUp(plan);
    await expect(run.outcome()).rejects.toMatchObject({
      code: 'PLAN_INVALID',
      data: { files: ['src/ghost.ts'] },
      message: expect.stringContaining('which git does not track at 0123456789ab'),
    });
    expect(run.log.argsOf('git', 'trackedFiles')).toEqual([[FAKE_BASE_COMMIT, expect.anything()]]);
    expect(run.log.argsOf('git', 'createWorktree')).toEqual([]);
  });

  it('lets a plan create a file git does not track yet', async () => {
    const plan = createPlan({
      changes: [{ op: 'create', file: 'src/new.ts', text: 'x\n', reason: 'new' }],
    });
    const run = setUp(plan);
    expect((await run.outcome()).success).toBe(true);
    expect(run.worktree.texts.get('src/new.ts')).toBe('x\n');
  });

  it("makes the worktree at the plan's base and applies the changes through its WorkspaceFiles", async () => {
    const plan = createPlan();
    const run = setUp(plan);
    const outcome = await run.outcome();
    expect(run.log.argsOf('git', 'createWorktree')[0]?.[0]).toMatchObject({
      branchHint: 'rename getUser to fetchUser',
      baseCommit: FAKE_BASE_COMMIT,
    });
    expect(run.log.argsOf('worktree.files', 'applyChanges')[0]?.[0]).toEqual(plan.fileChanges());
    expect(run.worktree.texts.get('src/users.ts')).toMatch(/^export function fetchUser\(/);
    expect(run.checkout.get('src/users.ts')).toMatch(/^export function getUser\(/);
    expect(outcome.success).toBe(true);
    const output = (outcome as { output: ExecuteOutput }).output;
    expect(output).toMatchObject({
      filesChanged: 2,
      editsApplied: 3,
      linkedDependencies: ['node_modules'],
    });
    expect(output.worktree.path).toBe(FAKE_WORKTREE);
  });

  it('runs the tests and the type check side by side', async () => {
    // Each waits for the other to start; run one after the other, the first gives up and fails.
    const meet = createMeeting();
    const run = setUp(createPlan(), {
      run: async () => ((await meet()) === 'alone' ? { exitCode: 99, outputTail: 'alone' } : {}),
      diagnostics: async (request) => {
        if (request.overlay === undefined) return {};
        return (await meet()) === 'alone' ? { diagnostics: [UNDEFINED_NAME] } : {};
      },
    });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    const [test, ...others] = runsOf(run);
    expect(others).toEqual([]);
    expect(test?.[0]).toEqual(['npm', 'test', '--silent']);
    expect(test?.[1]).toMatchObject({
      cwd: FAKE_WORKTREE,
      timeoutMs: 120_000,
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true' },
    });
    // The changed tree has no error: the base is not asked.
    expect(diagnosticsCalls(run)).toHaveLength(1);
  });

  it('runs the tests and a compile command side by side in the worktree', async () => {
    const meet = createMeeting();
    const run = setUp(createPlan({ compile: { kind: 'command', command: COMPILE } }), {
      run: async () => ((await meet()) === 'alone' ? { exitCode: 99, outputTail: 'alone' } : {}),
    });
    expect((await run.outcome()).success).toBe(true);
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[0]).toEqual(COMPILE);
    expect(compile?.[1].cwd).toBe(FAKE_WORKTREE);
  });

  it('fails with TESTS_FAILED when the tests fail, and stops the compile command', async () => {
    const run = setUp(createPlan({ compile: { kind: 'command', command: COMPILE } }), {
      run: commandsOf({
        test: () => ({ exitCode: 1, outputTail: 'FAIL test/app.test.ts\n1 failed' }),
        compile: (_argv, options) => untilStopped(options),
      }),
    });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(false);
    expect(!outcome.success && outcome.error.code).toBe('TESTS_FAILED');
    expect(!outcome.success && outcome.error.message).toContain('(exit code 1)');
    expect(!outcome.success && outcome.error.message).toContain('FAIL test/app.test.ts');
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[1].signal.aborted).toBe(true);
    expect(outcome.data.test).toMatchObject({ passed: false, exitCode: 1 });
    // The tests then ran at the base, in a scratch worktree that is removed again.
    const tests = runsOf(run).filter(([argv]) => isTest(argv));
    expect(tests.map(([, options]) => options.cwd)).toEqual([FAKE_WORKTREE, FAKE_SCRATCH_WORKTREE]);
    expect(run.scratchWorktrees).toHaveLength(1);
    expect(run.log.argsOf('scratch', 'rollback')).toHaveLength(1);
    expect(!outcome.success && outcome.error.message).toContain(
      'They fail (exit code 1) at the base commit 0123456789ab as well: they were failing before this change.',
    );
    expect(outcome.data.test).toMatchObject({ baseline: { passed: false, exitCode: 1 } });
  });

  it('says the change broke the tests when they pass at the base commit', async () => {
    const run = setUp(createPlan(), {
      run: commandsOf({
        test: (_argv, options) =>
          options.cwd === FAKE_SCRATCH_WORKTREE ? {} : { exitCode: 1, outputTail: '1 failed' },
      }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.message).toContain(
      'They pass at the base commit 0123456789ab: this change breaks them.',
    );
  });

  it('with baselineTests, runs the tests at the base commit first and warns when they fail there', async () => {
    const run = setUp(createPlan(), {
      baselineTests: true,
      run: commandsOf({
        test: (_argv, options) => (options.cwd === FAKE_SCRATCH_WORKTREE ? { exitCode: 3 } : {}),
      }),
    });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    const tests = runsOf(run).filter(([argv]) => isTest(argv));
    expect(tests.map(([, options]) => options.cwd)).toEqual([FAKE_SCRATCH_WORKTREE, FAKE_WORKTREE]);
    expect(run.warnings).toEqual([
      'The tests already fail at the base commit 0123456789ab (exit code 3), before any change.',
    ]);
  });

  // The failed tests abort the type check's query, which rejects with CANCELLED as the real
  // CodeGraph does: that is a stopped check, and the outcome is still TESTS_FAILED.
  it('fails with TESTS_FAILED when the tests fail, and stops the type check', async () => {
    const run = setUp(createPlan(), {
      run: () => ({ exitCode: 1, outputTail: 'FAIL test/app.test.ts\n1 failed' }),
      diagnostics: (_request, options) => cancelledWhenAborted(options),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('TESTS_FAILED');
    expect(diagnosticsCalls(run)[0]?.[1].signal?.aborted).toBe(true);
  });

  it('fails with CHECK_FAILED naming a new error as file:line:col CODE message when the type check fails first, and cancels the tests', async () => {
    const run = setUp(createPlan(), {
      run: commandsOf({ test: (_argv, options) => untilStopped(options) }),
      diagnostics: diagnosticsByTree({ changed: [UNDEFINED_NAME] }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(!outcome.success && outcome.error.message).toContain(
      'The compile check failed on mcp-orchestrator/rename-getuser-to-fetchuser (type check (tsconfig.json) of 2 file(s), 0 error(s) already at the base left out)',
    );
    expect(!outcome.success && outcome.error.message).toMatch(
      /\nsrc\/app\.ts:3:13 TS2304 Cannot find name 'getUser'\.$/,
    );
    const test = runsOf(run).find(([argv]) => isTest(argv));
    expect(test?.[1].signal.aborted).toBe(true);
    expect(outcome.data.test).toMatchObject({ passed: false });
    expect(outcome.data.compile).toMatchObject({
      passed: false,
      setting: { kind: 'language-service' },
    });
  });

  it('reports a test run that timed out as a timeout', async () => {
    const run = setUp(createPlan(), {
      run: commandsOf({ test: () => ({ exitCode: null, timedOut: true, outputTail: 'slow' }) }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('TESTS_FAILED');
    expect(!outcome.success && outcome.error.message).toContain('(timed out after 120000 ms)');
    expect(outcome.data.test).toMatchObject({ passed: false, timedOut: true });
  });

  it('rejects when the run is cancelled while the tests run', async () => {
    const controller = new AbortController();
    const run = setUp(createPlan(), {
      signal: controller.signal,
      run: commandsOf({
        test: (_argv, options) => {
          controller.abort(new Error('SIGINT'));
          return untilAborted(options);
        },
      }),
    });
    await expect(run.outcome()).rejects.toThrow('SIGINT');
  });
});
