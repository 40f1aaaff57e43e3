import { randomBytes } from 'node:crypto';
import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { toErrorMessage } from '../core/errors.js';
import { inspectRunBranch } from './inspect-run-branch.js';
import { listRunWorktrees, type RunWorktreeEntry } from './list-run-worktrees.js';
import { type GitWorkspace, openGitWorkspace, STATE_DIR_NAME } from './open-git-workspace.js';
import type { RecoveredRun } from './recover-dead-runs.js';
import { DEFAULT_CLEANUP_TIMEOUT_MS, removeWorktree } from './remove-worktree.js';
import type { RunRecord } from './run-journal.js';
import { toRunInProgressError, tryAcquireRunLock } from './run-lock.js';
import { BRANCH_PREFIX } from './slugify-branch.js';

/** Options for {@link cleanState}. */
export interface CleanStateOptions {
  /** Also delete run folders (`.mcp-orchestrator/runs/<runId>/`) older than this, in ms. @default keep them all */
  olderThanMs?: number;
  signal?: AbortSignal;
  /** Deadline for each removal, in milliseconds (never the signal). @default 30000 */
  cleanupTimeoutMs?: number;
  /** The time ages are measured from. @default new Date() */
  now?: Date;
}

/** A worktree in `.mcp-orchestrator/worktrees/` that no live run owned, now removed. */
export interface RemovedStaleWorktree {
  path: string;
  branch: string | null;
  /** True when its branch was deleted: its tip is on another branch too. */
  deletedBranch: boolean;
  /** Set when its branch was kept: its tip (this commit) is on no other branch. */
  keptCommit: string | null;
}

/** What {@link cleanState} removed, and what it left alone. */
export interface CleanResult {
  root: string;
  /** Dead runs whose worktree and branch were cleaned up (as a run does on start). */
  deadRuns: RecoveredRun[];
  /** One line per dead run cleaned up (who it was, what was removed or kept). */
  warnings: string[];
  staleWorktrees: RemovedStaleWorktree[];
  /** Absolute paths of the run folders deleted. */
  removedRunFolders: string[];
  /** The live run holding the lock, whose worktree and run folder were left alone. */
  liveRun: RunRecord | null;
  /** What could not be removed. */
  errors: string[];
}

const RUN_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]+$/;

/**
 * Cleans `.mcp-orchestrator/` by hand: dead runs' worktrees and branches, worktrees there that
 * no live run owns (their branch is deleted only when it holds no commit of its own), and,
 * with `olderThanMs`, run folders older than that. A live run's worktree and folder are left
 * alone. Throws `RUN_IN_PROGRESS` only while another run is taking the lock.
 */
export async function cleanState(
  workspace: GitWorkspace,
  options: CleanStateOptions = {},
): Promise<CleanResult> {
  const { root } = workspace;
  const { signal } = options;
  const timeoutMs = options.cleanupTimeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS;
  const result: CleanResult = {
    root,
    deadRuns: [],
    warnings: [],
    staleWorktrees: [],
    removedRunFolders: [],
    liveRun: null,
    errors: [],
  };
  if (!(await exists(path.join(root, STATE_DIR_NAME)))) return result;
  // Listed before the lock is read: a live run records its worktree before it creates it.
  const listedBefore = await listRunWorktrees(root, { signal });
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:.]/g, '');
  const attempt = await tryAcquireRunLock(root, {
    runId: `clean-${stamp}-${randomBytes(3).toString('hex')}`,
    command: 'mcp-orchestrator clean',
    cleanupTimeoutMs: timeoutMs,
    ...(signal ? { signal } : {}),
  });
  if (attempt.kind === 'starting') throw toRunInProgressError(root, attempt);
  try {
    let stale: RunWorktreeEntry[];
    if (attempt.kind === 'acquired') {
      result.deadRuns = [...attempt.lock.recovered];
      result.warnings = [...attempt.lock.warnings];
      stale = await listRunWorktrees(root, { signal });
    } else {
      const live = attempt.holder;
      result.liveRun = live;
      const livePath = 'worktreePath' in live ? path.resolve(root, live.worktreePath) : null;
      stale = listedBefore.filter((entry) => entry.path !== livePath);
    }
    for (const entry of stale) {
      const removed = await removeStaleWorktree(root, entry, timeoutMs, result.errors);
      if (removed !== null) result.staleWorktrees.push(removed);
    }
    if (options.olderThanMs !== undefined) {
      const now = (options.now ?? new Date()).getTime();
      result.removedRunFolders = await removeOldRunFolders(root, {
        before: now - options.olderThanMs,
        keep: result.liveRun?.runId,
        errors: result.errors,
      });
    }
  } finally {
    if (attempt.kind === 'acquired') await attempt.lock.release();
  }
  return result;
}

async function removeStaleWorktree(
  root: string,
  entry: RunWorktreeEntry,
  timeoutMs: number,
  errors: string[],
): Promise<RemovedStaleWorktree | null> {
  const removed: RemovedStaleWorktree = {
    path: entry.path,
    branch: entry.branch,
    deletedBranch: false,
    keptCommit: null,
  };
  let deleteBranch: string | undefined;
  try {
    if (entry.branch?.startsWith(BRANCH_PREFIX)) {
      const content = await inspectRunBranch(root, entry.branch, { timeoutMs });
      if (content.kind === 'disposable') deleteBranch = entry.branch;
      else if (content.kind === 'own-commits') removed.keptCommit = content.tip;
    }
    await removeWorktree(root, entry.path, {
      ...(deleteBranch !== undefined ? { deleteBranch } : {}),
      timeoutMs,
    });
    removed.deletedBranch = deleteBranch !== undefined;
    return removed;
  } catch (error) {
    errors.push(`worktree ${entry.path}: ${toErrorMessage(error)}`);
    return null;
  }
}

async function removeOldRunFolders(
  root: string,
  options: { before: number; keep: string | undefined; errors: string[] },
): Promise<string[]> {
  const runsDir = path.join(root, STATE_DIR_NAME, 'runs');
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.sort()) {
    const startedAt = toRunStartMs(name);
    // Only folders named like a run id: never delete what a run did not make.
    if (startedAt === null || startedAt >= options.before || name === options.keep) continue;
    const folder = path.join(runsDir, name);
    try {
      await rm(folder, { recursive: true, force: true, maxRetries: 2 });
      removed.push(folder);
    } catch (error) {
      options.errors.push(`run folder ${folder}: ${toErrorMessage(error)}`);
    }
  }
  return removed;
}

/** The start time encoded in a run id (`20250101T120000Z-ab12cd`), or `null`. */
export function toRunStartMs(runId: string): number | null {
  const match = RUN_ID.exec(runId);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Opens the git repository containing `dir` and runs {@link cleanState} on it. */
export async function cleanWorkspace(
  dir: string,
  options: CleanStateOptions = {},
): Promise<CleanResult> {
  const workspace = await openGitWorkspace(dir, options.signal ? { signal: options.signal } : {});
  return cleanState(workspace, options);
}
