import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanState, toRunStartMs } from '../../../src/vcs/clean-state.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { acquireRunLock } from '../../../src/vcs/run-lock.js';
import { createWorktree } from '../../../src/vcs/worktree.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';
import { createExampleRepo } from '../../helpers/fixture-repo.js';
import { BRANCH, leaveCrashedRun } from './crashed-run-fixtures.js';

const FILES = { 'src/user.ts': 'export function getUser() {}\n', 'README.md': '# app\n' };
const DAY_MS = 86_400_000;
const NOW = new Date('2025-03-01T00:00:00Z');
const sandbox = useGitSandbox();

async function setup() {
  const repo = await createExampleRepo({ files: FILES });
  sandbox.track(repo.cleanup);
  const workspace = await openGitWorkspace(repo.dir);
  await workspace.ensureExcluded();
  return { repo, workspace };
}

/** A worktree left with no journal at all (e.g. by a version without the run lock). */
async function leaveOrphanWorktree(
  workspace: Awaited<ReturnType<typeof openGitWorkspace>>,
  branch: string,
  commit: boolean,
) {
  const worktree = await createWorktree(workspace, { branch, baseCommit: 'HEAD' });
  if (commit) await worktree.commitAll('work', { allowEmpty: true });
  return worktree.path;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('cleanState', () => {
  it('has nothing to do in a repository no run has touched, and creates nothing', async () => {
    const { repo, workspace } = await setup();
    const before = await repo.snapshot();
    const result = await cleanState(workspace);
    expect(result).toMatchObject({ deadRuns: [], staleWorktrees: [], removedRunFolders: [] });
    expect(await exists(path.join(repo.dir, '.mcp-orchestrator'))).toBe(false);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('cleans up a dead run and worktrees no run owns, keeping a branch with its own commit', async () => {
    const { repo, workspace } = await setup();
    const before = await repo.snapshot();
    const crashed = await leaveCrashedRun(workspace, { state: 'worktree-created' });
    const disposable = await leaveOrphanWorktree(workspace, 'mcp-orchestrator/old-try', false);
    const holding = await leaveOrphanWorktree(workspace, 'mcp-orchestrator/has-work', true);
    const sha = (await repo.git(['rev-parse', 'mcp-orchestrator/has-work'])).trim();

    const result = await cleanState(workspace);
    expect(result.deadRuns.map((r) => r.removedWorktree)).toEqual([crashed.worktreePath]);
    expect(result.warnings[0]).toContain(`deleted its branch ${BRANCH}`);
    expect(result.staleWorktrees).toEqual([
      { path: holding, branch: 'mcp-orchestrator/has-work', deletedBranch: false, keptCommit: sha },
      {
        path: disposable,
        branch: 'mcp-orchestrator/old-try',
        deletedBranch: true,
        keptCommit: null,
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(await repo.git(['branch', '--list', 'mcp-orchestrator/*'])).toBe(
      '  mcp-orchestrator/has-work\n',
    );
    // Apart from the kept branch, the repository is as it was: no folder, no .git/worktrees entry.
    const after = await repo.snapshot();
    const keptRef = /^\.git\/(logs\/)?refs\/heads\/mcp-orchestrator/;
    const files = Object.keys(after.files).filter((file) => !keptRef.test(file));
    expect(after.worktrees).toBe(before.worktrees);
    expect(files).toEqual(Object.keys(before.files));
  });

  it('leaves the worktree and run folder of a live run alone', async () => {
    const { repo, workspace } = await setup();
    const lock = await acquireRunLock(workspace.root, {
      runId: '20250101T000000Z-aaaaaa',
      command: 'rename a to b',
    });
    sandbox.track(() => lock.release());
    const branch = 'mcp-orchestrator/live';
    const worktreePath = path.join(workspace.root, '.mcp-orchestrator/worktrees/live');
    await lock.recordWorktree({ branch, worktreePath, baseCommit: await workspace.headCommit() });
    await createWorktree(workspace, { branch, baseCommit: 'HEAD' });
    const stale = await leaveOrphanWorktree(workspace, 'mcp-orchestrator/stale', false);
    const runs = path.join(repo.dir, '.mcp-orchestrator/runs');
    await mkdir(path.join(runs, '20250101T000000Z-aaaaaa'), { recursive: true });

    const result = await cleanState(workspace, { olderThanMs: 0, now: NOW });
    expect(result.liveRun?.runId).toBe('20250101T000000Z-aaaaaa');
    expect(result.staleWorktrees.map((w) => w.path)).toEqual([stale]);
    expect(result.removedRunFolders).toEqual([]);
    expect(await exists(worktreePath)).toBe(true);
    expect(await exists(path.join(runs, '20250101T000000Z-aaaaaa'))).toBe(true);
    expect(lock.state).toBe('held');
  });

  it('deletes run folders older than the age, and only folders named like a run id', async () => {
    const { repo, workspace } = await setup();
    const runs = path.join(repo.dir, '.mcp-orchestrator/runs');
    const names = ['20250101T000000Z-0a0a0a', '20250225T000000Z-0b0b0b', 'notes', '2025-old'];
    for (const name of names) await mkdir(path.join(runs, name), { recursive: true });

    const kept = await cleanState(workspace, { now: NOW });
    expect(kept.removedRunFolders).toEqual([]);
    const result = await cleanState(workspace, { olderThanMs: 7 * DAY_MS, now: NOW });
    expect(result.removedRunFolders).toEqual([path.join(runs, '20250101T000000Z-0a0a0a')]);
    for (const name of names.slice(1)) expect(await exists(path.join(runs, name))).toBe(true);
  });
});

describe('toRunStartMs', () => {
  it('reads the UTC start time from a run id and refuses anything else', () => {
    expect(toRunStartMs('20250102T030405Z-abcdef')).toBe(Date.parse('2025-01-02T03:04:05Z'));
    expect(toRunStartMs('clean-20250102T030405Z')).toBeNull();
    expect(toRunStartMs('20251302T030405Z-abcdef')).toBeNull();
  });
});
