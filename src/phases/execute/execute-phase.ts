import { OrchestratorError } from '../../core/errors.js';
import type { Phase, PhaseContext, PhaseOutcome } from '../../core/phase.js';
import type { ExecuteOutput, TestRunReport } from '../../core/phase-outputs.js';
import type { EditNode, TestNode } from '../../core/plan/plan-schema.js';
import { runCommand, toLastLines } from '../shared/run-command.js';
import { applyEditNodes } from './apply-edits.js';

/**
 * EXECUTE: creates branch and worktree at the plan's base, applies the edit nodes in DAG order
 * (batched, in parallel), and runs the test node there. Failing tests are a failed outcome.
 */
export function createExecutePhase(): Phase {
  return {
    name: 'execute',
    async run(context: PhaseContext): Promise<PhaseOutcome> {
      const plan = context.state.plan?.plan;
      const optimize = context.state.optimize;
      if (!plan || !optimize)
        throw new OrchestratorError('INTERNAL', 'EXECUTE needs a plan and OPTIMIZE settings.');
      const nodes = plan.orderedNodes();
      const editNodes = nodes.filter((node): node is EditNode => node.op === 'edit');
      await refuseUntrackedFiles(context, plan.data.base, editNodes);
      if (context.state.worktree) {
        await context.state.worktree.rollback();
        delete context.state.worktree;
      }
      const { worktree, linkedDependencies } = await context.git.createWorktree({
        branchHint: plan.data.command,
        baseCommit: plan.data.base,
        signal: context.signal,
      });
      context.state.worktree = worktree;
      context.progress(`applying ${editNodes.length} file edits on ${worktree.branch}`);
      const editsApplied = await applyEditNodes(worktree.path, editNodes, {
        parallelism: optimize.parallelism,
        batchSize: optimize.batchSize,
        signal: context.signal,
      });
      const testNode = nodes.find((node): node is TestNode => node.op === 'test');
      let test: TestRunReport = {
        command: [],
        exitCode: 0,
        passed: true,
        durationMs: 0,
        timedOut: false,
        outputTail: 'The plan has no test node.',
      };
      if (testNode) {
        context.progress(`running ${testNode.command.join(' ')}`);
        const result = await runCommand(testNode.command, {
          cwd: worktree.path,
          timeoutMs: optimize.testTimeoutMs,
          signal: context.signal,
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', CI: process.env.CI ?? 'true' },
        });
        context.signal.throwIfAborted();
        test = {
          command: testNode.command,
          exitCode: result.exitCode,
          passed: result.exitCode === 0 && !result.timedOut,
          durationMs: result.durationMs,
          timedOut: result.timedOut,
          outputTail: result.outputTail,
        };
      }
      const output: ExecuteOutput = {
        worktreePath: worktree.path,
        branch: worktree.branch,
        filesChanged: editNodes.length,
        editsApplied,
        linkedDependencies,
        test,
      };
      context.state.execute = output;
      const data = { ...output, test: { ...test, outputTail: toLastLines(test.outputTail, 20) } };
      const contextPack = `# EXECUTE on ${worktree.branch}\n${editsApplied} edits in ${editNodes.length} files\ntests: ${test.passed ? 'passed' : 'FAILED'}\n${toLastLines(test.outputTail, 60)}`;
      if (!test.passed) {
        return {
          success: false,
          data,
          contextPack,
          error: {
            code: 'TESTS_FAILED',
            message: `The tests failed on ${worktree.branch} (${test.timedOut ? `timed out after ${optimize.testTimeoutMs} ms` : `exit code ${test.exitCode}`}); the change was rolled back.\n${toLastLines(test.outputTail, 15)}`,
          },
        };
      }
      return { success: true, data, contextPack };
    },
  };
}

/**
 * A plan may only edit files git tracks at its base: never a dependency link into the user's
 * checkout, build output or a path a hand edit made up.
 */
async function refuseUntrackedFiles(
  context: PhaseContext,
  base: string,
  nodes: readonly EditNode[],
): Promise<void> {
  const tracked = await context.git.trackedFiles(base, { signal: context.signal });
  const outside = nodes.filter((node) => !tracked.has(node.file)).map((node) => node.file);
  if (outside.length > 0) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `The plan edits ${outside.join(', ')}, which git does not track at ${base.slice(0, 12)}. A plan may only edit tracked files.`,
      { data: { files: outside } },
    );
  }
}
