import { unlink } from 'node:fs/promises';
import { OrchestratorError } from '../core/errors.js';
import {
  isSameRun,
  type RunRecord,
  type RunRecordOwner,
  readRunRecord,
  writeRunRecord,
} from './run-journal.js';
import { createSerialQueue } from './serial-queue.js';

/** The worktree a run is about to create, as its journal records it. */
export interface JournalWorktree {
  branch: string;
  /** Absolute folder of the worktree. */
  worktreePath: string;
  /** Full SHA-1 the branch starts from. */
  baseCommit: string;
}

/** `held` until {@link RunJournal.release}; then the lock file is gone. */
export type RunJournalState = 'held' | 'releasing' | 'released';

type Lifecycle =
  | { state: 'held'; record: RunRecord }
  | { state: 'releasing'; record: RunRecord; done: Promise<void> }
  | { state: 'released'; record: RunRecord };

/**
 * The live run's journal, kept in its lock file: each step is written (atomically) before the
 * run depends on it, so whoever finds the run dead knows what to clean up.
 */
export interface RunJournal {
  /** Absolute path of the lock file. */
  readonly file: string;
  readonly state: RunJournalState;
  /** The journal entry as last written. */
  readonly record: RunRecord;
  /** Before `git worktree add`: from here on a crash leaves a worktree and branch to remove. */
  recordWorktree(worktree: JournalWorktree): Promise<void>;
  /** After the commit: a crash from here on keeps the branch (it holds the change). */
  recordCommit(commit: string): Promise<void>;
  /** After the worktree was removed and the branch kept. Idempotent. */
  recordReleased(): Promise<void>;
  /** After worktree and branch were removed; a no-op after {@link recordReleased}. */
  recordRolledBack(): Promise<void>;
  /** Deletes the lock file (if it is still this run's). Idempotent. */
  release(): Promise<void>;
}

/** The journal of the run that has just created the lock file `file` holding `initial`. */
export function createRunJournal(file: string, initial: RunRecord): RunJournal {
  let life: Lifecycle = { state: 'held', record: initial };
  const queue = createSerialQueue();
  const owner: RunRecordOwner = {
    version: initial.version,
    runId: initial.runId,
    command: initial.command,
    pid: initial.pid,
    processStartTime: initial.processStartTime,
    host: initial.host,
    startedAt: initial.startedAt,
  };
  const write = (step: string, next: (current: RunRecord) => RunRecord): Promise<void> => {
    if (life.state !== 'held') {
      return Promise.reject(
        new OrchestratorError('INTERNAL', `Cannot record ${step}: the run lock was released.`, {
          data: { file, runId: owner.runId },
        }),
      );
    }
    return queue.run(async () => {
      const updated = next(life.record);
      await writeRunRecord(file, updated);
      life = { ...life, record: updated };
    });
  };
  const needWorktree = (current: RunRecord, step: string) => {
    if (current.state === 'worktree-created' || current.state === 'committed') return current;
    throw new OrchestratorError(
      'INTERNAL',
      `Cannot record ${step} in state ${current.state}: no worktree was recorded.`,
      { data: { file, runId: owner.runId, state: current.state } },
    );
  };

  return {
    file,
    get state() {
      return life.state;
    },
    get record() {
      return life.record;
    },
    recordWorktree: (worktree) =>
      write('a worktree', () => ({ ...owner, ...worktree, state: 'worktree-created' })),
    recordCommit: (commit) =>
      write('a commit', (current) => {
        const { branch, worktreePath, baseCommit } = needWorktree(current, 'a commit');
        return { ...owner, branch, worktreePath, baseCommit, commit, state: 'committed' };
      }),
    recordReleased: () =>
      write('the release', (current) => {
        if (current.state === 'released') return current;
        const worktree = needWorktree(current, 'the release');
        if (worktree.state !== 'committed') {
          throw new OrchestratorError('INTERNAL', 'Cannot record the release before a commit.', {
            data: { file, runId: owner.runId },
          });
        }
        return { ...worktree, state: 'released' };
      }),
    // After a release, a rollback is a no-op (the branch stays), and so is its record.
    recordRolledBack: () =>
      write('the rollback', (current) =>
        current.state === 'released' ? current : { ...owner, state: 'rolled-back' },
      ),
    release() {
      if (life.state === 'released') return Promise.resolve();
      if (life.state === 'releasing') return life.done;
      const done = queue.run(async () => {
        try {
          const found = await readRunRecord(file);
          // Never delete a lock that is not this run's (someone removed ours and took it).
          if (found.kind === 'record' && isSameRun(found.record, owner)) {
            await unlink(file).catch((error: NodeJS.ErrnoException) => {
              if (error.code !== 'ENOENT') throw error;
            });
          }
        } catch (error) {
          // A failed attempt may be retried.
          life = { state: 'held', record: life.record };
          throw error;
        }
        life = { state: 'released', record: life.record };
      });
      life = { state: 'releasing', record: life.record, done };
      return done;
    },
  };
}
