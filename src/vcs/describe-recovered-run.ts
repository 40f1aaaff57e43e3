import path from 'node:path';
import type { RecoveredRun } from './recover-dead-runs.js';
import type { RunRecordOwner } from './run-journal.js';

const DEATHS: Record<RecoveredRun['death'], string> = {
  gone: 'no longer running',
  'pid-reused': 'gone; its pid now belongs to another process',
  zombie: 'exited',
};

/** `pid 4242, "rename a to b", started 2025-01-01T10:00:00.000Z (run <id>)`. */
export function describeRunOwner(run: RunRecordOwner): string {
  return `pid ${run.pid}, "${run.command}", started ${run.startedAt} (run ${run.runId})`;
}

/**
 * The warning a run (or `clean`) gives after cleaning up after a dead run: who it was and
 * what was removed or kept, with paths relative to `root`.
 */
export function describeRecoveredRun(recovered: RecoveredRun, root: string): string {
  const { run } = recovered;
  const done: string[] = [];
  const stopped = recovered.stoppedProcesses ?? [];
  if (stopped.length > 0) {
    done.push(
      `stopped ${stopped.length === 1 ? 'a process' : `${stopped.length} processes`} it had left running in its worktree (pid ${stopped.join(', ')})`,
    );
  }
  if (recovered.removedWorktree !== null) {
    done.push(
      `removed its worktree ${path.relative(root, recovered.removedWorktree)} (with any uncommitted edits in it)`,
    );
  }
  if (recovered.deletedBranch !== null) done.push(`deleted its branch ${recovered.deletedBranch}`);
  const kept = recovered.keptBranch;
  if (kept !== null) {
    const what =
      kept.reason === 'committed'
        ? 'the change the run had committed'
        : 'a commit no other branch has';
    done.push(
      `kept its branch ${kept.branch}: it holds ${kept.commit.slice(0, 12)}, ${what} (see it with "git show ${kept.branch}", drop it with "git branch -D ${kept.branch}")`,
    );
  }
  if (done.length === 0 && recovered.errors.length === 0) done.push('nothing was left to remove');
  if (recovered.errors.length > 0) {
    done.push(
      `could not finish (${recovered.errors.join('; ')}); run "mcp-orchestrator clean" to try again`,
    );
  }
  return `Cleaned up after a run that died (${describeRunOwner(run)}; the process is ${DEATHS[recovered.death]}): ${done.join('; ')}.`;
}
