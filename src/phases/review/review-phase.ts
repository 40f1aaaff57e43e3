import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../../core/errors.js';
import type { Phase, PhaseContext, PhaseOutcome } from '../../core/phase.js';
import type { ReviewOutput } from '../../core/phase-outputs.js';
import type { CheckNode, CommitNode, EditNode } from '../../core/plan/plan-schema.js';
import { runCompileCheck } from './run-compile-check.js';
import { scanStaleReferences } from './scan-stale-references.js';

/**
 * REVIEW: re-scans the changed tree for stale references, compiles it, confirms the tests
 * passed, then commits exactly the edited files and saves diff.patch.
 */
export function createReviewPhase(): Phase {
  return {
    name: 'review',
    async run(context: PhaseContext): Promise<PhaseOutcome> {
      const plan = context.state.plan?.plan;
      const execute = context.state.execute;
      const worktree = context.state.worktree;
      if (!plan || !execute || !worktree) {
        throw new OrchestratorError('INTERNAL', 'REVIEW needs a plan and an executed worktree.');
      }
      const nodes = plan.orderedNodes();
      const changedFiles = nodes.filter((n): n is EditNode => n.op === 'edit').map((n) => n.file);
      const check = nodes.find((n): n is CheckNode => n.op === 'check');
      const commitNode = nodes.find((n): n is CommitNode => n.op === 'commit');
      context.progress('re-scanning for stale references and compiling');
      const [staleReferences, compile] = await Promise.all([
        check
          ? scanStaleReferences(
              context.git,
              worktree.path,
              check.staleScan.name,
              check.staleScan.remaining,
              context.signal,
            )
          : Promise.resolve([]),
        runCompileCheck({
          kind: check?.compile ?? 'none',
          worktree: worktree.path,
          changedFiles,
          python: context.git.pythonInterpreter(),
          signal: context.signal,
        }),
      ]);
      const problems: string[] = [];
      if (staleReferences.length > 0) {
        problems.push(
          `${staleReferences.length} stale reference(s) to "${check?.staleScan.name}":\n  ${staleReferences
            .slice(0, 10)
            .map((s) => `${s.file}:${s.line}: ${s.lineText}`)
            .join('\n  ')}`,
        );
      }
      if (!compile.passed) problems.push(`${compile.kind} failed:\n${compile.outputTail}`);
      if (!execute.test.passed) problems.push('the tests did not pass');
      const base: Omit<ReviewOutput, 'commit' | 'diffStat'> = {
        staleReferences,
        compile,
        testsPassed: execute.test.passed,
      };
      if (problems.length > 0) {
        return {
          success: false,
          data: { ...base },
          contextPack: `# REVIEW failed\n${problems.join('\n')}`,
          error: {
            code: 'CHECK_FAILED',
            message: `Review failed on ${worktree.branch}; the change was rolled back:\n${problems.join('\n')}`,
          },
        };
      }
      const message = commitNode?.message ?? `mcp-orchestrator: ${plan.data.command}`;
      const commit = await worktree.commitFiles(changedFiles, message, { signal: context.signal });
      const [patch, diffStat] = await Promise.all([worktree.diffPatch(), worktree.diffStat()]);
      await writeFile(path.join(context.runDir, 'diff.patch'), patch);
      const output: ReviewOutput = { ...base, commit, diffStat };
      context.state.review = output;
      return {
        success: true,
        data: { ...output, compile: { ...compile, outputTail: undefined } },
        contextPack: `# REVIEW\ncommit ${commit} on ${worktree.branch}\n${patch}`,
      };
    },
  };
}
