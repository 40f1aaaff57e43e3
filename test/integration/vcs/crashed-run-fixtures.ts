import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import {
  type RunRecord,
  toDeadRunsDir,
  toRunLockPath,
  writeRunRecord,
} from '../../../src/vcs/run-journal.js';
import type { RunOwner } from '../../../src/vcs/run-owner.js';
import { createWorktree } from '../../../src/vcs/worktree.js';
import { crashedOwner } from './process-fixtures.js';

export const BRANCH = 'mcp-orchestrator/rename-getuser-to-fetchuser';
export const COMMAND = 'rename getUser to fetchUser';

/** What a crashed run left: its journal, and the worktree and branch it named. */
export interface CrashedRun {
  record: RunRecord;
  worktreePath: string;
  branch: string;
  /** The commit made on the branch, if the run got that far. */
  commit: string | null;
}

/** Options for {@link leaveCrashedRun}. */
export interface CrashedRunOptions {
  /** How far the run got. */
  state: 'started' | 'worktree-created' | 'committed';
  /** Commit on the branch although the journal says `worktree-created` (crash between the two). */
  commitUnrecorded?: boolean;
  /** The owner to record. @default a process that was killed */
  owner?: RunOwner;
  /** Where the journal goes. @default the lock file */
  where?: 'lock' | 'dead-runs';
}

/**
 * Does what a run does up to `state` — a real worktree with an uncommitted edit (and a commit) —
 * and leaves it there with the journal of a process that was killed, as a `kill -9` would.
 */
export async function leaveCrashedRun(
  workspace: GitWorkspace,
  options: CrashedRunOptions,
): Promise<CrashedRun> {
  const owner = options.owner ?? (await crashedOwner());
  const runId = `20250101T120000Z-${owner.pid.toString(16).padStart(6, '0')}`;
  const base = {
    version: 1 as const,
    runId,
    command: COMMAND,
    ...owner,
    startedAt: '2025-01-01T12:00:00.000Z',
  };
  let record: RunRecord = { ...base, state: 'started' };
  let worktreePath = '';
  let commit: string | null = null;
  if (options.state !== 'started') {
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: 'HEAD' });
    worktreePath = worktree.path;
    await writeFile(path.join(worktree.path, 'src/user.ts'), 'export function fetchUser() {}\n');
    if (options.state === 'committed' || options.commitUnrecorded === true) {
      commit = await worktree.commitAll('Rename getUser to fetchUser');
      await writeFile(path.join(worktree.path, 'notes.txt'), 'uncommitted after the commit\n');
    }
    const fields = { branch: BRANCH, worktreePath, baseCommit: worktree.baseCommit };
    record =
      options.state === 'committed' && commit !== null
        ? { ...base, ...fields, commit, state: 'committed' }
        : { ...base, ...fields, state: 'worktree-created' };
  }
  const file =
    options.where === 'dead-runs'
      ? path.join(toDeadRunsDir(workspace.root), `${runId}.json`)
      : toRunLockPath(workspace.root);
  await mkdir(path.dirname(file), { recursive: true });
  await writeRunRecord(file, record);
  return { record, worktreePath, branch: BRANCH, commit };
}
