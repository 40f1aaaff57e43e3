import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../src/core/change/change-types.js';
import type { ExecuteOutput, OptimizeOutput } from '../../../src/core/phase-outputs.js';
import type { ExecutionPlan } from '../../../src/core/plan/execution-plan.js';
import type { CommandRunOptions } from '../../../src/core/services.js';
import { createExecutePhase } from '../../../src/phases/execute/execute-phase.js';
import {
  type CommandHandler,
  createFakeContext,
  FAKE_BASE_COMMIT,
  type FakeContextOverrides,
  untilAborted,
} from '../../fixtures/phases/fake-services.js';
import { FAKE_WORKTREE } from '../../fixtures/phases/fake-worktree.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';
import { RENAME_FILES } from '../../fixtures/phases/rename-scenario.js';

const TSC = ['node', '/fake/typescript/bin/tsc'];
const OPTIMIZE: OptimizeOutput = {
  parallelism: 1,
  batchSize: 2,
  testTimeoutMs: 120_000,
  reasons: [],
};

const isTest = (argv: readonly string[]) => argv[0] === 'npm' || argv.includes('pytest');
const isCompile = (argv: readonly string[]) =>
  argv.includes('--noEmit') || argv.includes('py_compile');

/** Answers the test run and the compile run separately (both pass unless told otherwise). */
function commandsOf(answers: { test?: CommandHandler; compile?: CommandHandler }): CommandHandler {
  return (argv, options) => {
    if (isTest(argv)) return answers.test?.(argv, options) ?? {};
    if (isCompile(argv)) return answers.compile?.(argv, options) ?? {};
    throw new Error(`unexpected command ${argv.join(' ')}`);
  };
}

function setUp(plan: ExecutionPlan, overrides: FakeContextOverrides = {}) {
  const tscCalls: string[] = [];
  const tools = {
    tsc: async (worktree: string) => {
      tscCalls.push(worktree);
      return TSC;
    },
  };
  const run = createFakeContext({ files: RENAME_FILES, ...overrides });
  const phase = createExecutePhase(tools);
  const outcome = () =>
    phase.run(run.context, { plan: { plan, planPath: '/fake/run/plan.json' }, optimize: OPTIMIZE });
  return { ...run, tscCalls, outcome };
}

const runsOf = (run: ReturnType<typeof setUp>) =>
  run.log.argsOf('commands', 'run') as Array<[string[], CommandRunOptions]>;

const PYTHON_FILES = {
  'pkg/core.py': 'def post_entry():\n    pass\n',
  'pkg/legacy.py': 'OLD = 1\n',
  'pkg/old.py': 'def post_entry():\n    pass\n',
};

/**
 * Sets up a Python plan whose compile check behaves like py_compile: exit 1, naming the file,
 * when a file it is given does not exist in the worktree.
 */
function setUpPython(plan: ExecutionPlan) {
  const worktree: { texts?: Map<string, string> } = {};
  const run = setUp(plan, {
    files: PYTHON_FILES,
    run: commandsOf({
      compile: (argv) => {
        const missing = argv.slice(3).filter((file) => !worktree.texts?.has(file));
        return missing.length === 0
          ? { exitCode: 0 }
          : { exitCode: 1, outputTail: `[Errno 2] No such file or directory: '${missing[0]}'` };
      },
    }),
  });
  worktree.texts = run.worktree.texts;
  return run;
}

const pythonPlan = (changes: FileChange[]) =>
  createPlan({
    changes,
    language: 'python',
    compile: { kind: 'py_compile' },
    testCommand: ['python3', '-m', 'pytest', '-q'],
    verify: [],
  });

const renameEdit = (file: string): FileChange => ({
  op: 'edit',
  file,
  edits: [
    {
      start: [1, 5],
      end: [1, 15],
      oldText: 'post_entry',
      newText: 'record_entry',
      reason: 'declaration',
    },
  ],
});

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

  it('runs the tests and the compile check side by side in the worktree', async () => {
    let started = 0;
    let bothStarted: () => void = () => {};
    const together = new Promise<void>((resolve) => {
      bothStarted = resolve;
    });
    // Each run waits for the other to start; run one after the other, the first gives up.
    const waitForTheOther: CommandHandler = async () => {
      started += 1;
      if (started === 2) bothStarted();
      let timer: NodeJS.Timeout | undefined;
      const alone = new Promise<'alone'>((resolve) => {
        timer = setTimeout(() => resolve('alone'), 300);
      });
      const first = await Promise.race([together, alone]);
      clearTimeout(timer);
      return first === 'alone' ? { exitCode: 99, outputTail: 'ran alone' } : { exitCode: 0 };
    };
    const run = setUp(createPlan(), { run: waitForTheOther });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    const [test, compile] = runsOf(run);
    expect(test?.[0]).toEqual(['npm', 'test', '--silent']);
    expect(test?.[1]).toMatchObject({
      cwd: FAKE_WORKTREE,
      timeoutMs: 120_000,
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true' },
    });
    expect(compile?.[0]).toEqual([...TSC, '--noEmit', '-p', 'tsconfig.json']);
    expect(compile?.[1].cwd).toBe(FAKE_WORKTREE);
    expect(run.tscCalls).toEqual([FAKE_WORKTREE]);
  });

  it('fails with TESTS_FAILED when the tests fail, and stops the compile check', async () => {
    const run = setUp(createPlan(), {
      run: commandsOf({
        test: () => ({ exitCode: 1, outputTail: 'FAIL test/app.test.ts\n1 failed' }),
        compile: (_argv, options) => untilAborted(options),
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
  });

  it('fails with CHECK_FAILED when the compile fails first, and cancels the tests', async () => {
    const run = setUp(createPlan(), {
      run: commandsOf({
        test: (_argv, options) => untilAborted(options),
        compile: () => ({
          exitCode: 2,
          outputTail: "src/app.ts(3,13): error TS2304: Cannot find name 'getUser'.",
        }),
      }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(!outcome.success && outcome.error.message).toContain(
      'The compile check failed on mcp-orchestrator/rename-getuser-to-fetchuser (tsc --noEmit -p tsconfig.json)',
    );
    expect(!outcome.success && outcome.error.message).toContain('error TS2304');
    const test = runsOf(run).find(([argv]) => isTest(argv));
    expect(test?.[1].signal.aborted).toBe(true);
    expect(outcome.data.test).toMatchObject({ passed: false });
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
        compile: (_argv, options) => untilAborted(options),
      }),
    });
    await expect(run.outcome()).rejects.toThrow('SIGINT');
  });

  it('compiles the changed Python files with py_compile', async () => {
    const run = setUp(pythonPlan([renameEdit('pkg/core.py')]), {
      files: PYTHON_FILES,
      python: '/venv/bin/python',
    });
    expect((await run.outcome()).success).toBe(true);
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[0]).toEqual(['/venv/bin/python', '-m', 'py_compile', 'pkg/core.py']);
  });

  it('compiles a created Python file and passes when every compiled file exists', async () => {
    const run = setUpPython(
      pythonPlan([{ op: 'create', file: 'pkg/extra.py', text: 'X = 1\n', reason: 'new module' }]),
    );
    expect((await run.outcome()).success).toBe(true);
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[0]).toEqual(['python3', '-m', 'py_compile', 'pkg/extra.py']);
  });

  // BUG (src/phases/execute/execute-phase.ts, runTestsAndCompile): the files handed to the
  // compile check are `change.file` for every change but a move, so a deleted file is given to
  // py_compile, which exits 1 on a missing file: a valid plan fails with CHECK_FAILED.
  it.fails('does not py_compile a Python file the plan deletes', async () => {
    const run = setUpPython(
      pythonPlan([
        renameEdit('pkg/core.py'),
        { op: 'delete', file: 'pkg/legacy.py', reason: 'no longer used' },
      ]),
    );
    const outcome = await run.outcome();
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[0]).toEqual(['python3', '-m', 'py_compile', 'pkg/core.py']);
    expect(outcome.success).toBe(true);
  });

  // BUG (same place): an edited-then-moved file is compiled at its old path too (the edit change
  // names the old path), which no longer exists after the move: CHECK_FAILED again.
  it.fails('compiles an edited-then-moved Python file at its new path only', async () => {
    const run = setUpPython(
      pythonPlan([
        renameEdit('pkg/old.py'),
        { op: 'move', file: 'pkg/old.py', to: 'pkg/new.py', reason: 'moved' },
      ]),
    );
    const outcome = await run.outcome();
    const compile = runsOf(run).find(([argv]) => isCompile(argv));
    expect(compile?.[0]).toEqual(['python3', '-m', 'py_compile', 'pkg/new.py']);
    expect(outcome.success).toBe(true);
  });
});
