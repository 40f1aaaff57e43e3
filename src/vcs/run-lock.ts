import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { OrchestratorError } from '../core/errors.js';
import { describeRecoveredRun, describeRunOwner } from './describe-recovered-run.js';
import { type RecoveredRun, recoverDeadRuns } from './recover-dead-runs.js';
import {
  createRunRecord,
  isSameRun,
  type RunRecord,
  readRunRecord,
  toDeadRunsDir,
  toRunLockPath,
} from './run-journal.js';
import { createRunJournal, type RunJournal } from './run-journal-writer.js';
import { currentRunOwner, judgeRunOwner } from './run-owner.js';

/** Options for {@link acquireRunLock} and {@link tryAcquireRunLock}. */
export interface AcquireRunLockOptions {
  runId: string;
  /** What the run does, e.g. the command it carries out; shown to a run that is refused. */
  command: string;
  signal?: AbortSignal;
  /** Deadline for cleaning up after dead runs, in milliseconds. @default 30000 */
  cleanupTimeoutMs?: number;
}

/** The lock of the one live run of a repository, and that run's journal. */
export interface RunLock extends RunJournal {
  /** Dead runs cleaned up while the lock was taken. */
  readonly recovered: readonly RecoveredRun[];
  /** What to tell the user about it: one line per dead run cleaned up, or lock file replaced. */
  readonly warnings: readonly string[];
}

/** What {@link tryAcquireRunLock} found. */
export type RunLockAttempt =
  | { kind: 'acquired'; lock: RunLock }
  /** A live run holds the lock. */
  | { kind: 'busy'; holder: RunRecord; otherHost: boolean }
  /** Another run is writing the lock right now (or the attempts ran out in a race). */
  | { kind: 'starting' };

const MAX_ATTEMPTS = 10;
/** An unreadable lock this young may be one being written (created with `wx`, then filled). */
const WRITE_GRACE_MS = 5_000;
const RETRY_DELAY_MS = 20;

/**
 * Takes the run lock of the repository at `root` (`.mcp-orchestrator/run-lock.json`), or
 * throws `RUN_IN_PROGRESS` naming the live run that holds it. A lock whose process is dead
 * (or whose pid now belongs to a process that started at another time) is taken over, and the
 * dead run's worktree and branch are cleaned up first (see `RunLock.warnings`).
 */
export async function acquireRunLock(
  root: string,
  options: AcquireRunLockOptions,
): Promise<RunLock> {
  const attempt = await tryAcquireRunLock(root, options);
  if (attempt.kind === 'acquired') return attempt.lock;
  throw toRunInProgressError(root, attempt);
}

/** Like {@link acquireRunLock}, but a live holder is a value, not an error. */
export async function tryAcquireRunLock(
  root: string,
  options: AcquireRunLockOptions,
): Promise<RunLockAttempt> {
  const file = toRunLockPath(root);
  await mkdir(path.dirname(file), { recursive: true });
  const record: RunRecord = {
    version: 1,
    runId: options.runId,
    command: options.command,
    ...(await currentRunOwner()),
    startedAt: new Date().toISOString(),
    state: 'started',
  };
  const warnings: string[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (options.signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', 'Cancelled while taking the run lock.', {
        cause: options.signal.reason,
      });
    }
    if (await createRunRecord(file, record)) {
      const journal = createRunJournal(file, record);
      const timeoutMs = options.cleanupTimeoutMs;
      let recovered: RecoveredRun[];
      try {
        recovered = await recoverDeadRuns(root, timeoutMs === undefined ? {} : { timeoutMs });
      } catch (error) {
        await journal.release().catch(() => undefined);
        throw error;
      }
      warnings.push(...recovered.map((r) => describeRecoveredRun(r, root)));
      // Object.assign keeps the journal's getters (a spread would freeze them).
      return { kind: 'acquired', lock: Object.assign(journal, { recovered, warnings }) };
    }
    const found = await readRunRecord(file);
    if (found.kind === 'record') {
      const liveness = await judgeRunOwner(found.record);
      if (liveness.alive) {
        return { kind: 'busy', holder: found.record, otherHost: liveness.reason === 'other-host' };
      }
      await setAsideDeadRun(root, file, found.record);
    } else if (found.kind === 'unreadable') {
      if (Date.now() - found.modifiedAtMs < WRITE_GRACE_MS) {
        await delay(RETRY_DELAY_MS);
        continue;
      }
      if (await discardUnreadable(file)) {
        warnings.push(`Replaced the unreadable run lock ${file} (${found.reason}).`);
      }
    }
  }
  return { kind: 'starting' };
}

/** The `RUN_IN_PROGRESS` error for a lock that is taken, naming the run that holds it. */
export function toRunInProgressError(
  root: string,
  busy: Exclude<RunLockAttempt, { kind: 'acquired' }>,
): OrchestratorError {
  const file = toRunLockPath(root);
  if (busy.kind === 'starting') {
    return new OrchestratorError(
      'RUN_IN_PROGRESS',
      `Another run is starting on ${root} (its lock ${file} is being written). Try again in a few seconds.`,
      { data: { root, lockFile: file } },
    );
  }
  const { holder } = busy;
  const what = `Another run is in progress on ${root}: ${describeRunOwner(holder)}`;
  const advice = busy.otherHost
    ? ` on host ${holder.host}, so this machine cannot tell whether it still runs. If it does not, delete ${file}.`
    : `. Wait for it to finish, or stop it (kill ${holder.pid}); a run that died is cleaned up by the next one.`;
  return new OrchestratorError('RUN_IN_PROGRESS', `${what}${advice}`, {
    data: {
      root,
      lockFile: file,
      runId: holder.runId,
      pid: holder.pid,
      command: holder.command,
      startedAt: holder.startedAt,
      host: holder.host,
    },
  });
}

/**
 * Moves the dead run's lock to `dead-runs/` (to be cleaned up by whoever holds the lock next).
 * `rename` claims it atomically; if what it moved is not the lock judged dead (a new run took
 * the lock in between), it is put back.
 */
async function setAsideDeadRun(root: string, file: string, dead: RunRecord): Promise<void> {
  const claim = await claimLockFile(file);
  if (claim === null) return;
  const claimed = await readRunRecord(claim);
  if (claimed.kind === 'record' && isSameRun(claimed.record, dead)) {
    const dir = toDeadRunsDir(root);
    await mkdir(dir, { recursive: true });
    await rename(claim, path.join(dir, `${dead.runId}.json`));
    return;
  }
  await restoreLockFile(claim, file);
}

/** Deletes a lock that cannot be read; returns false when it turned out to be readable. */
async function discardUnreadable(file: string): Promise<boolean> {
  const claim = await claimLockFile(file);
  if (claim === null) return false;
  if ((await readRunRecord(claim)).kind === 'unreadable') {
    await unlink(claim);
    return true;
  }
  await restoreLockFile(claim, file);
  return false;
}

async function claimLockFile(file: string): Promise<string | null> {
  const claim = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.claim`;
  try {
    await rename(file, claim);
    return claim;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function restoreLockFile(claim: string, file: string): Promise<void> {
  try {
    await writeFile(file, await readFile(claim), { flag: 'wx' });
  } catch (error) {
    // EEXIST: its owner (or a newer run) wrote the lock again meanwhile; that one stands.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}
