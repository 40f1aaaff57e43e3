import { access, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { readRunRecord, toRunLockPath } from '../../../src/vcs/run-journal.js';
import { acquireRunLock, type RunLock, tryAcquireRunLock } from '../../../src/vcs/run-lock.js';
import { currentRunOwner } from '../../../src/vcs/run-owner.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';
import { createExampleRepo } from '../../helpers/fixture-repo.js';
import { BRANCH, COMMAND, leaveCrashedRun } from './crashed-run-fixtures.js';
import { startSleeper } from './process-fixtures.js';

const FILES = { 'src/user.ts': 'export function getUser() {}\n', 'README.md': '# app\n' };
const sandbox = useGitSandbox();

async function setup() {
  const repo = await createExampleRepo({ files: FILES });
  sandbox.track(repo.cleanup);
  const workspace = await openGitWorkspace(repo.dir);
  await workspace.ensureExcluded();
  return { repo, workspace, lockFile: toRunLockPath(workspace.root) };
}

async function take(root: string, runId = 'run-a', command = COMMAND): Promise<RunLock> {
  const lock = await acquireRunLock(root, { runId, command });
  sandbox.track(() => lock.release());
  return lock;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('acquireRunLock', () => {
  it('refuses a second live run with RUN_IN_PROGRESS naming the first: pid, command, start', async () => {
    const { workspace } = await setup();
    const first = await take(workspace.root, 'run-a', 'rename a to b');
    const error = await acquireRunLock(workspace.root, { runId: 'run-b', command: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'RUN_IN_PROGRESS')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${process.pid}`);
    expect(message).toContain('"rename a to b"');
    expect(message).toContain(`started ${first.record.startedAt}`);
    expect((error as { data: Record<string, unknown> }).data).toMatchObject({
      pid: process.pid,
      command: 'rename a to b',
      runId: 'run-a',
    });
  });

  it('lets exactly one of many racing starts win; the others are told who did', async () => {
    const { workspace } = await setup();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        tryAcquireRunLock(workspace.root, { runId: `run-${i}`, command: COMMAND }),
      ),
    );
    const won = attempts.flatMap((a) => (a.kind === 'acquired' ? [a.lock] : []));
    expect(won).toHaveLength(1);
    for (const lock of won) sandbox.track(() => lock.release());
    const winner = won[0]?.record.runId;
    for (const attempt of attempts.filter((a) => a.kind !== 'acquired')) {
      expect(attempt.kind === 'busy' && attempt.holder.runId).toBe(winner);
    }
  });

  it('takes over the lock of a killed run, removes its worktree and branch, and says so', async () => {
    const { repo, workspace, lockFile } = await setup();
    const before = await repo.snapshot();
    const crashed = await leaveCrashedRun(workspace, { state: 'worktree-created' });
    expect(await exists(crashed.worktreePath)).toBe(true);

    const lock = await take(workspace.root, 'run-next');
    expect(lock.warnings).toHaveLength(1);
    const warning = lock.warnings[0] ?? '';
    expect(warning).toContain(`pid ${crashed.record.pid}`);
    expect(warning).toContain(`started ${crashed.record.startedAt}`);
    expect(warning).toContain(`"${COMMAND}"`);
    expect(warning).toContain('removed its worktree .mcp-orchestrator/worktrees/rename-getuser');
    expect(warning).toContain(`deleted its branch ${BRANCH}`);
    expect(lock.recovered[0]).toMatchObject({ death: 'gone', deletedBranch: BRANCH });
    // Worktree folder, branch and .git/worktrees/<slug> are all gone.
    expect(await repo.snapshot()).toEqual(before);
    const read = await readRunRecord(lockFile);
    expect(read.kind === 'record' && read.record.runId).toBe('run-next');
  });

  it('takes over a lock whose pid now belongs to a process that started at another time', async () => {
    const { repo, workspace } = await setup();
    const before = await repo.snapshot();
    const stranger = await startSleeper();
    sandbox.track(() => stranger.stop());
    const recycled = { pid: stranger.pid, processStartTime: '1', host: os.hostname() };
    await leaveCrashedRun(workspace, { state: 'worktree-created', owner: recycled });

    const lock = await take(workspace.root);
    expect(lock.recovered[0]?.death).toBe('pid-reused');
    expect(lock.warnings[0]).toContain('its pid now belongs to another process');
    expect(await repo.snapshot()).toEqual(before);
  });

  it('refuses a lock held by a live process whose start time matches', async () => {
    const { workspace } = await setup();
    const other = await startSleeper();
    sandbox.track(() => other.stop());
    const owner = { pid: other.pid, processStartTime: other.startTime, host: os.hostname() };
    const crashed = await leaveCrashedRun(workspace, { state: 'worktree-created', owner });
    const error = await acquireRunLock(workspace.root, { runId: 'b', command: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'RUN_IN_PROGRESS')).toBe(true);
    expect((error as Error).message).toContain(`pid ${other.pid}`);
    expect(await exists(crashed.worktreePath)).toBe(true);
  });

  it('keeps the branch of a run that had committed, and says that it holds the change', async () => {
    const { repo, workspace } = await setup();
    const crashed = await leaveCrashedRun(workspace, { state: 'committed' });
    const lock = await take(workspace.root);
    expect(await exists(crashed.worktreePath)).toBe(false);
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(crashed.commit);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain('.mcp-orchestrator');
    expect(lock.recovered[0]?.keptBranch).toEqual({
      branch: BRANCH,
      commit: crashed.commit,
      reason: 'committed',
    });
    expect(lock.warnings[0]).toContain(`kept its branch ${BRANCH}`);
    expect(lock.warnings[0]).toContain('the change the run had committed');
    expect(lock.warnings[0]).not.toContain('deleted its branch');
  });

  it('keeps a branch holding a commit the journal had not recorded yet', async () => {
    const { repo, workspace } = await setup();
    const crashed = await leaveCrashedRun(workspace, {
      state: 'worktree-created',
      commitUnrecorded: true,
    });
    const lock = await take(workspace.root);
    expect(await exists(crashed.worktreePath)).toBe(false);
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(crashed.commit);
    expect(lock.recovered[0]?.keptBranch?.reason).toBe('own-commits');
  });

  it('says there was nothing to remove when the dead run had not made a worktree yet', async () => {
    const { workspace } = await setup();
    await leaveCrashedRun(workspace, { state: 'started' });
    const lock = await take(workspace.root);
    expect(lock.warnings[0]).toContain('nothing was left to remove');
  });

  it('cleans up a dead run that an earlier run set aside but did not finish cleaning', async () => {
    const { repo, workspace } = await setup();
    const before = await repo.snapshot();
    await leaveCrashedRun(workspace, { state: 'worktree-created', where: 'dead-runs' });
    const lock = await take(workspace.root);
    expect(lock.recovered).toHaveLength(1);
    expect(await repo.snapshot()).toEqual(before);
    expect(await readdir(path.dirname(lock.file))).not.toContain('dead-runs');
  });

  it('refuses a run on another host, naming the host and the lock file to delete', async () => {
    const { workspace, lockFile } = await setup();
    const owner = { ...(await currentRunOwner()), host: 'build-box-7' };
    await leaveCrashedRun(workspace, { state: 'started', owner });
    const error = await acquireRunLock(workspace.root, { runId: 'b', command: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'RUN_IN_PROGRESS')).toBe(true);
    expect((error as Error).message).toContain('on host build-box-7');
    expect((error as Error).message).toContain(`delete ${lockFile}`);
  });

  it('waits for a lock that is being written, and replaces one that stayed unreadable', async () => {
    const { workspace, lockFile } = await setup();
    await mkdir(path.dirname(lockFile), { recursive: true });
    await writeFile(lockFile, '');
    const young = await tryAcquireRunLock(workspace.root, { runId: 'b', command: 'x' });
    expect(young.kind).toBe('starting');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile, old, old);
    const lock = await take(workspace.root, 'run-c');
    expect(lock.warnings).toEqual([
      expect.stringContaining(`Replaced the unreadable run lock ${lockFile}`),
    ]);
  });
});

describe('RunLock', () => {
  it('journals each step atomically and, on release, deletes the lock (idempotent)', async () => {
    const { workspace, lockFile } = await setup();
    const lock = await take(workspace.root);
    const state = async () => {
      const read = await readRunRecord(lockFile);
      return read.kind === 'record' ? read.record.state : read.kind;
    };
    expect(await state()).toBe('started');
    const worktree = {
      branch: BRANCH,
      worktreePath: path.join(workspace.root, '.mcp-orchestrator/worktrees/x'),
      baseCommit: await workspace.headCommit(),
    };
    await lock.recordWorktree(worktree);
    expect(await state()).toBe('worktree-created');
    await lock.recordCommit('b'.repeat(40));
    expect(await state()).toBe('committed');
    await lock.recordReleased();
    await lock.recordReleased();
    await lock.recordRolledBack();
    expect(await state()).toBe('released');
    expect(lock.record).toMatchObject({ ...worktree, commit: 'b'.repeat(40) });
    await Promise.all([lock.release(), lock.release()]);
    await lock.release();
    expect(lock.state).toBe('released');
    expect(await state()).toBe('missing');
    const leftovers = (await readdir(path.dirname(lockFile))).filter((n) =>
      n.startsWith('run-lock'),
    );
    expect(leftovers).toEqual([]);
    await expect(lock.recordRolledBack()).rejects.toThrow(/run lock was released/);
  });

  it('never deletes a lock that another run has taken since', async () => {
    const { workspace, lockFile } = await setup();
    const lock = await take(workspace.root);
    const text = await readFile(lockFile, 'utf8');
    await writeFile(lockFile, text.replace('"run-a"', '"run-other"'));
    await lock.release();
    const read = await readRunRecord(lockFile);
    expect(read.kind === 'record' && read.record.runId).toBe('run-other');
  });
});
