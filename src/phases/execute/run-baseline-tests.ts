import type { PhaseContext } from '../../core/phase.js';
import type { BaselineTestReport } from '../../core/phase-outputs.js';

/**
 * Runs `command` in a scratch worktree at `baseCommit` (removed again on every path), so a
 * failure on the branch can say whether the tests failed before the change too.
 */
export async function runBaselineTests(
  context: Pick<PhaseContext, 'git' | 'commands' | 'signal'>,
  options: { command: readonly string[]; baseCommit: string; testTimeoutMs: number },
): Promise<BaselineTestReport> {
  const { worktree } = await context.git.createWorktree({
    branchHint: `baseline tests ${options.baseCommit.slice(0, 12)}`,
    baseCommit: options.baseCommit,
    scratch: true,
    signal: context.signal,
  });
  try {
    const result = await context.commands.run([...options.command], {
      cwd: worktree.path,
      timeoutMs: options.testTimeoutMs,
      signal: context.signal,
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true' },
    });
    return {
      passed: result.exitCode === 0 && !result.timedOut && !result.cancelled,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      timedOut: result.timedOut,
    };
  } finally {
    await worktree.rollback();
  }
}

/** What the base's result says about a failure on the branch, as a sentence. */
export function describeBaseline(baseline: BaselineTestReport, baseCommit: string): string {
  const at = `at the base commit ${baseCommit.slice(0, 12)}`;
  if (baseline.passed) return `They pass ${at}: this change breaks them.`;
  // A run cut short says nothing of the tests' outcome before the change.
  if (baseline.timedOut)
    return `They did not finish ${at} within the time limit, so whether they failed before this change is not known.`;
  return `They fail (exit code ${baseline.exitCode}) ${at} as well: they were failing before this change.`;
}
