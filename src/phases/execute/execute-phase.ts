import { OrchestratorError } from '../../core/errors.js';
import type { Phase, PhaseContext } from '../../core/phase.js';
import type {
  BaselineTestReport,
  CompileReport,
  EarlyChecksReport,
  ExecuteOutput,
  PythonImportReport,
  TestRunReport,
} from '../../core/phase-outputs.js';
import type { ExecutionPlan } from '../../core/plan/execution-plan.js';
import type { WorktreeHandle, WriteRoutes } from '../../core/services.js';
import { toLastLines } from '../shared/output-lines.js';
import { requireUpstream } from '../shared/require-upstream.js';
import { describeBaseline, runBaselineTests } from './run-baseline-tests.js';
import { runCompileCheck } from './run-compile-check.js';
import { importChangedModules, runTransformChecks } from './run-early-checks.js';

/**
 * EXECUTE: creates branch and worktree at the plan's base, applies the plan's file
 * changes there (all checked before any is written), then runs the test node and the check node's
 * compile side by side — the first to fail stops the other — and, for a Python change with a
 * pyrepl server, imports the changed modules beside them and then runs the transform's own
 * checks before the tests (make_async: no caller left holding a coroutine), so a module the
 * change broke stops the suite within a second or so. Failing tests, compile, imports or those
 * checks are a failed outcome; the run rolls the worktree back.
 */
export function createExecutePhase(): Phase<'execute'> {
  return {
    name: 'execute',
    async run(context, upstream) {
      const { plan } = requireUpstream(upstream, 'plan', 'EXECUTE');
      const optimize = requireUpstream(upstream, 'optimize', 'EXECUTE');
      const changes = plan.fileChanges();
      const trackedFiles = await refuseUntrackedFiles(context, plan);
      // Whichever of the tests, the check and the imports fails first stops the others.
      const stop = new AbortController();
      const seesBase = await graphSeesBase(context, plan.data.base);
      const { worktree, linkedDependencies } = await context.git.createWorktree({
        branchHint: plan.data.command,
        baseCommit: plan.data.base,
        signal: context.signal,
      });
      const testCommand = plan.node('test')?.command ?? [];
      const baselineOptions = {
        command: testCommand,
        baseCommit: plan.data.base,
        testTimeoutMs: optimize.testTimeoutMs,
      };
      let baseline: BaselineTestReport | undefined;
      if (context.options.baselineTests === true) {
        context.progress(`running ${testCommand.join(' ')} at the base commit first`);
        baseline = await runBaselineTests(context, baselineOptions);
        if (!baseline.passed)
          context.warn(
            `The tests already fail at the base commit ${plan.data.base.slice(0, 12)} (${baseline.timedOut ? 'timed out' : `exit code ${baseline.exitCode}`}), before any change.`,
          );
      }
      context.progress(`applying ${changes.length} file changes on ${worktree.branch}`);
      const applied = await worktree.files.applyChanges(changes, { signal: context.signal });
      const ran = await runTestsAndCompile(context, plan, worktree, {
        testTimeoutMs: optimize.testTimeoutMs,
        testCommand: optimize.testCommand,
        stop,
        graphSeesBase: seesBase,
        trackedFiles,
      });
      const { compile, pythonImports, earlyChecks, firstFailure } = ran;
      // Tests that failed on their own (not stopped by another check) run again at the base.
      const testsFailed =
        !ran.test.passed && (firstFailure === undefined || firstFailure === 'test');
      if (testsFailed && ran.test.exitCode !== null && baseline === undefined) {
        context.progress('the tests failed: running them at the base commit to compare');
        baseline = await runBaselineTests(context, baselineOptions);
      }
      const test = baseline === undefined ? ran.test : { ...ran.test, baseline };
      const output: ExecuteOutput = {
        worktree,
        filesChanged: applied.filesChanged,
        editsApplied: applied.editsApplied,
        ...(applied.writes ? { writes: applied.writes } : {}),
        linkedDependencies,
        test,
        compile,
        ...(pythonImports ? { pythonImports } : {}),
        ...(earlyChecks ? { earlyChecks } : {}),
      };
      const { worktree: _handle, ...reported } = output;
      const data = {
        worktreePath: worktree.path,
        branch: worktree.branch,
        ...reported,
        test: { ...test, outputTail: toLastLines(test.outputTail, 20) },
        compile: { ...compile, outputTail: toLastLines(compile.outputTail, 20) },
      };
      const contextPack = `# EXECUTE on ${worktree.branch}\n${applied.editsApplied} edits in ${applied.filesChanged} files${applied.writes ? ` (${describeWrites(applied.writes)})` : ''}\ntests: ${test.passed ? 'passed' : 'FAILED'}\ncompile: ${compile.passed ? 'passed' : 'FAILED'} (${compile.description})\n${toLastLines(test.outputTail, 60)}`;
      const stopped = `on ${worktree.branch}; the tests were stopped and the change was rolled back:`;
      const error =
        firstFailure === 'imports' && pythonImports
          ? `Importing the changed Python modules failed ${stopped}\n${pythonImports.problems.join('\n')}`
          : firstFailure === 'early' && earlyChecks
            ? `The ${plan.data.intent.kind} checks before the tests failed ${stopped}\n${earlyChecks.problems.join('\n')}`
            : firstFailure === 'compile'
              ? `The compile check failed on ${worktree.branch} (${compile.description}); the tests were stopped and the change was rolled back:\n${compile.outputTail}`
              : undefined;
      if (error !== undefined)
        return {
          success: false,
          data,
          contextPack,
          error: { code: 'CHECK_FAILED', message: error },
        };
      if (!test.passed) {
        return {
          success: false,
          data,
          contextPack,
          error: {
            code: 'TESTS_FAILED',
            message: `The tests failed on ${worktree.branch} (${test.timedOut ? `timed out after ${optimize.testTimeoutMs} ms` : `exit code ${test.exitCode}`}); the change was rolled back.${test.baseline ? ` ${describeBaseline(test.baseline, plan.data.base)}` : ''}\n${toLastLines(test.outputTail, 15)}`,
          },
        };
      }
      return { success: true, output, data, contextPack };
    },
  };
}

/** `3 through the filesystem server, 1 direct (a.py: why)`. */
function describeWrites(writes: WriteRoutes): string {
  const direct = writes.direct.map(({ file, reason }) => `${file}: ${reason}`).join('; ');
  return `${writes.filesystemServer} through the filesystem server${writes.direct.length > 0 ? `, ${writes.direct.length} direct (${direct})` : ''}`;
}

type Job = 'test' | 'compile' | 'imports' | 'early';
const JOB_NAMES: Record<Job, string> = {
  test: 'tests',
  compile: 'compile check',
  imports: 'import check',
  early: 'checks before the tests',
};

/**
 * Tests, compile, and the Python import check followed by the transform's checks before the
 * tests, at once; whichever fails first cancels the rest.
 */
async function runTestsAndCompile(
  context: PhaseContext,
  plan: ExecutionPlan,
  worktree: WorktreeHandle,
  options: {
    testTimeoutMs: number;
    testCommand: readonly string[];
    stop: AbortController;
    graphSeesBase: boolean;
    trackedFiles: number;
  },
): Promise<{
  test: TestRunReport;
  compile: CompileReport;
  pythonImports?: PythonImportReport;
  earlyChecks?: EarlyChecksReport;
  firstFailure?: Job;
}> {
  const { stop } = options;
  let firstFailure: Job | undefined;
  const fail = (who: Job): void => {
    firstFailure ??= who;
    stop.abort(new Error(`the ${JOB_NAMES[who]} failed`));
  };
  const signal = AbortSignal.any([context.signal, stop.signal]);
  const testNode = plan.node('test');
  const checkNode = plan.node('check');
  if (!testNode || !checkNode)
    throw new OrchestratorError('INTERNAL', 'The plan has no test or check node.');
  // OPTIMIZE's tuning of the test node's command (fail-fast, workers, tests that reach the change first).
  const testCommand = options.testCommand.length > 0 ? [...options.testCommand] : testNode.command;
  context.progress(`running ${testNode.command.join(' ')} and ${checkNode.compile.kind}`);
  const testing = context.commands
    .run(testCommand, {
      cwd: worktree.path,
      timeoutMs: options.testTimeoutMs,
      signal,
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true' },
      label: 'test',
    })
    .then((result): TestRunReport => {
      const report: TestRunReport = {
        command: testCommand,
        exitCode: result.exitCode,
        passed: result.exitCode === 0 && !result.timedOut && !result.cancelled,
        durationMs: result.durationMs,
        timedOut: result.timedOut,
        outputTail: result.outputTail,
      };
      if (!report.passed && !stop.signal.aborted) fail('test');
      return report;
    });
  const compiling = runCompileCheck({
    setting: checkNode.compile,
    changes: plan.fileChanges(),
    worktree,
    graph: context.graph,
    commands: context.commands,
    baseCommit: plan.data.base,
    ...(context.baseResults ? { baseResults: context.baseResults } : {}),
    graphSeesBase: options.graphSeesBase,
    trackedFiles: options.trackedFiles,
    baseWorktree: async () =>
      (
        await context.git.createWorktree({
          branchHint: `baseline ${plan.data.base.slice(0, 12)}`,
          baseCommit: plan.data.base,
          scratch: true,
          signal,
        })
      ).worktree,
    signal,
  })
    .catch((error: unknown): CompileReport => {
      // The tests failed first and stopped the check: that is a stopped check, not a fault.
      if (!stop.signal.aborted || context.signal.aborted) throw error;
      return {
        setting: checkNode.compile,
        passed: false,
        durationMs: 0,
        description: 'stopped: the tests failed first',
        outputTail: '',
      };
    })
    .then((report) => {
      if (!report.passed && !stop.signal.aborted) fail('compile');
      return report;
    });
  // The transform's own checks run once the changed modules import (they import them too).
  const checking = importChangedModules(context, plan, worktree, signal).then(async (report) => {
    if (report && report.problems.length > 0) {
      if (!stop.signal.aborted) fail('imports');
      return { pythonImports: report };
    }
    const early = await runTransformChecks(context, plan, worktree, signal);
    if (early && early.problems.length > 0 && !stop.signal.aborted) fail('early');
    return {
      ...(report ? { pythonImports: report } : {}),
      ...(early ? { earlyChecks: early } : {}),
    };
  });
  const [test, compile, checked] = await Promise.all([testing, compiling, checking]);
  context.signal.throwIfAborted();
  return { test, compile, ...checked, ...(firstFailure ? { firstFailure } : {}) };
}

/** True when the checkout, which the graph reads, is the base commit with nothing uncommitted. */
async function graphSeesBase(context: PhaseContext, base: string): Promise<boolean> {
  const options = { signal: context.signal };
  const [head, dirty] = await Promise.all([
    context.git.headCommit(options),
    context.git.dirtyFiles(options),
  ]);
  return head === base && dirty.length === 0;
}

/**
 * A plan may only edit, move or delete files git tracks at its base: never a dependency link
 * into the user's checkout, build output or a path a hand edit made up. Returns how many files
 * git tracks there.
 */
async function refuseUntrackedFiles(context: PhaseContext, plan: ExecutionPlan): Promise<number> {
  const tracked = await context.git.trackedFiles(plan.data.base, { signal: context.signal });
  const outside = plan
    .fileChanges()
    .filter((change) => change.op !== 'create' && !tracked.has(change.file))
    .map((change) => change.file);
  if (outside.length > 0) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `The plan edits ${outside.join(', ')}, which git does not track at ${plan.data.base.slice(0, 12)}. A plan may only edit tracked files.`,
      { data: { files: outside } },
    );
  }
  return tracked.size;
}
