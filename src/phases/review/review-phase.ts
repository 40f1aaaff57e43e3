import type { Phase } from '../../core/phase.js';
import type { ReviewOutput } from '../../core/phase-outputs.js';
import { transformFor } from '../../transforms/registry.js';
import { requireUpstream } from '../shared/require-upstream.js';

/**
 * REVIEW: checks the transform's own post-conditions on the changed tree, confirms the tests
 * passed and the compile check did, then commits exactly the changed files and saves diff.patch.
 */
export function createReviewPhase(): Phase<'review'> {
  return {
    name: 'review',
    async run(context, upstream) {
      const { plan } = requireUpstream(upstream, 'plan', 'REVIEW');
      const execute = requireUpstream(upstream, 'execute', 'REVIEW');
      const { worktree, compile } = execute;
      const check = plan.node('check');
      const commitNode = plan.node('commit');
      context.progress('checking the changed tree');
      const transform = transformFor(plan.data.intent.kind);
      const written = plan
        .fileChanges()
        .flatMap((change) =>
          change.op === 'delete' ? [] : [change.op === 'move' ? change.to : change.file],
        );
      const changedFiles = [...new Set(written)].sort();
      const imports = execute.pythonImports;
      const problems = await transform.verify(plan.data.intent, check?.verify ?? [], {
        worktreePath: worktree.path,
        files: worktree.files,
        changedFiles,
        git: context.git,
        graph: context.graph,
        ...(context.python ? { python: context.python } : {}),
        signal: context.signal,
      });
      if (!compile.passed) problems.push(`${compile.description} failed:\n${compile.outputTail}`);
      if (!execute.test.passed) problems.push('the tests did not pass');
      const base = { problems, compile, testsPassed: execute.test.passed };
      const data = {
        ...base,
        compile: { ...compile, outputTail: undefined },
        ...(imports ? { pythonImports: imports.imported } : {}),
      };
      if (problems.length > 0) {
        return {
          success: false,
          data,
          contextPack: `# REVIEW failed\n${problems.join('\n')}`,
          error: {
            code: 'CHECK_FAILED',
            message: `Review failed on ${worktree.branch}; the change was rolled back:\n${problems.join('\n')}`,
          },
        };
      }
      const changed = plan
        .fileChanges()
        .flatMap((change) => (change.op === 'move' ? [change.file, change.to] : [change.file]));
      const message = commitNode?.message ?? `mcp-orchestrator: ${plan.data.command}`;
      const commit = await worktree.commitFiles([...new Set(changed)], message, {
        signal: context.signal,
      });
      const [patch, diffStat] = await Promise.all([worktree.diffPatch(), worktree.diffStat()]);
      await context.runFiles.writeText('diff.patch', patch);
      const output: ReviewOutput = { ...base, commit, diffStat };
      return {
        success: true,
        output,
        data: { ...data, commit, diffStat },
        contextPack: `# REVIEW\ncommit ${commit} on ${worktree.branch}\n${patch}`,
      };
    },
  };
}
