import { access, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { toErrorMessage } from '../core/errors.js';
import { inspectRunBranch } from './inspect-run-branch.js';
import { STATE_DIR_NAME } from './open-git-workspace.js';
import { DEFAULT_CLEANUP_TIMEOUT_MS, removeWorktree } from './remove-worktree.js';
import { type RunRecord, readRunRecord, toDeadRunsDir } from './run-journal.js';
import { judgeRunOwner, type OwnerLiveness } from './run-owner.js';
import { BRANCH_PREFIX } from './slugify-branch.js';
import { stopLeftoverProcesses } from './stop-leftover-processes.js';

/** What cleaning up after one dead run did. */
export interface RecoveredRun {
  /** The dead run's last journal entry. */
  run: RunRecord;
  /** Why its process counts as dead. */
  death: Extract<OwnerLiveness, { alive: false }>['reason'];
  /** Absolute path of the worktree folder removed, or `null` when there was none. */
  removedWorktree: string | null;
  /** Branch deleted (it held nothing of its own), or `null`. */
  deletedBranch: string | null;
  /**
   * Branch kept because it holds a commit: the run had committed (`committed`), or the tip is
   * on no other branch (`own-commits`, e.g. a commit made just before the crash).
   */
  keptBranch: { branch: string; commit: string; reason: 'committed' | 'own-commits' } | null;
  /**
   * Pids of the processes the run had left running in its worktree (its tests, after a
   * `kill -9`), stopped before the worktree was removed; absent when there were none.
   */
  stoppedProcesses?: number[];
  /** What could not be removed; the journal is kept so the next run (or `clean`) tries again. */
  errors: string[];
}

/** Options for {@link recoverDeadRun} and {@link recoverDeadRuns}. */
export interface RecoverDeadRunOptions {
  /** Own deadline, in milliseconds; deliberately not a signal: cleanup must finish. @default 30000 */
  timeoutMs?: number;
}

/**
 * Cleans up after a run whose process died: stops what it left running in its worktree,
 * force-removes the worktree (uncommitted edits included) and prunes it, and deletes its branch unless the run had committed on it or the
 * branch holds a commit no other branch has. Touches only folders under
 * `.mcp-orchestrator/worktrees/` and branches under `mcp-orchestrator/`. Never throws for git
 * failures: they are listed in `errors`.
 */
export async function recoverDeadRun(
  root: string,
  run: RunRecord,
  death: RecoveredRun['death'],
  options: RecoverDeadRunOptions = {},
): Promise<RecoveredRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS;
  const result: RecoveredRun = {
    run,
    death,
    removedWorktree: null,
    deletedBranch: null,
    keptBranch: null,
    errors: [],
  };
  if (run.state === 'started' || run.state === 'rolled-back') return result;
  const worktreesDir = path.join(root, STATE_DIR_NAME, 'worktrees');
  const worktreePath = path.resolve(root, run.worktreePath);
  const ownsPath = worktreePath.startsWith(`${worktreesDir}${path.sep}`);
  const ownsBranch = run.branch.startsWith(BRANCH_PREFIX);
  if (!ownsPath) result.errors.push(`left ${run.worktreePath} alone: it is not in ${worktreesDir}`);
  if (!ownsBranch) result.errors.push(`left branch ${run.branch} alone: it is not a run branch`);

  let deleteBranch: string | undefined;
  if (ownsBranch) {
    try {
      const content = await inspectRunBranch(root, run.branch, {
        baseCommit: run.baseCommit,
        timeoutMs,
      });
      if (content.kind === 'disposable' && run.state === 'worktree-created') {
        deleteBranch = run.branch;
      } else if (content.kind !== 'missing') {
        const reason = run.state === 'worktree-created' ? 'own-commits' : 'committed';
        result.keptBranch = { branch: run.branch, commit: content.tip, reason };
      }
    } catch (error) {
      result.errors.push(toErrorMessage(error));
    }
  }
  if (!ownsPath) return result;
  const stopped = await stopLeftoverProcesses(worktreePath);
  if (stopped.length > 0) result.stoppedProcesses = stopped;
  const existed = await exists(worktreePath);
  try {
    await removeWorktree(root, worktreePath, {
      ...(deleteBranch !== undefined ? { deleteBranch } : {}),
      timeoutMs,
    });
    if (existed) result.removedWorktree = worktreePath;
    if (deleteBranch !== undefined) result.deletedBranch = deleteBranch;
  } catch (error) {
    result.errors.push(toErrorMessage(error));
  }
  return result;
}

/**
 * Cleans up after every run in `.mcp-orchestrator/dead-runs/` whose process is still dead, and
 * deletes each journal once nothing is left of its run. Call it while holding the run lock.
 */
export async function recoverDeadRuns(
  root: string,
  options: RecoverDeadRunOptions = {},
): Promise<RecoveredRun[]> {
  const dir = toDeadRunsDir(root);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const recovered: RecoveredRun[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const read = await readRunRecord(file);
    if (read.kind !== 'record') {
      // Only verified dead journals are moved here; an unreadable one has nothing to act on.
      await unlink(file).catch(() => undefined);
      continue;
    }
    const liveness = await judgeRunOwner(read.record);
    if (liveness.alive) continue;
    const result = await recoverDeadRun(root, read.record, liveness.reason, options);
    if (result.errors.length === 0) await unlink(file).catch(() => undefined);
    recovered.push(result);
  }
  await rmdir(dir).catch(() => undefined);
  return recovered;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
