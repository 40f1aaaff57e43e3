import { access } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { recoverDeadRun } from '../../../src/vcs/recover-dead-runs.js';
import type { RunRecord } from '../../../src/vcs/run-journal.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';
import { createExampleRepo } from '../../helpers/fixture-repo.js';
import { crashedOwner } from './process-fixtures.js';

const sandbox = useGitSandbox();

async function setup() {
  const repo = await createExampleRepo({ files: { 'a.txt': 'a\n' } });
  sandbox.track(repo.cleanup);
  const workspace = await openGitWorkspace(repo.dir);
  const base = {
    version: 1 as const,
    runId: '20250101T120000Z-000001',
    command: 'rename a to b',
    ...(await crashedOwner()),
    startedAt: '2025-01-01T12:00:00.000Z',
  };
  return { repo, workspace, base, head: await workspace.headCommit() };
}

describe('recoverDeadRun', () => {
  it('never removes a folder outside .mcp-orchestrator/worktrees or a branch that is not a run branch', async () => {
    const { repo, workspace, base, head } = await setup();
    await repo.git(['branch', 'feature']);
    const before = await repo.snapshot();
    const record: RunRecord = {
      ...base,
      state: 'worktree-created',
      branch: 'feature',
      worktreePath: path.join(workspace.root, '.mcp-orchestrator', 'worktrees', '..', '..'),
      baseCommit: head,
    };
    const recovered = await recoverDeadRun(workspace.root, record, 'gone');
    expect(recovered.removedWorktree).toBeNull();
    expect(recovered.deletedBranch).toBeNull();
    expect(recovered.errors).toEqual([
      expect.stringContaining('left'),
      'left branch feature alone: it is not a run branch',
    ]);
    expect(await repo.snapshot()).toEqual(before);
    await access(path.join(repo.dir, 'a.txt'));
  });

  it('deletes a leftover branch still at the base, even with no worktree folder left', async () => {
    const { repo, workspace, base, head } = await setup();
    await repo.git(['branch', 'mcp-orchestrator/rename-a-to-b']);
    const record: RunRecord = {
      ...base,
      state: 'worktree-created',
      branch: 'mcp-orchestrator/rename-a-to-b',
      worktreePath: path.join(workspace.root, '.mcp-orchestrator', 'worktrees', 'rename-a-to-b'),
      baseCommit: head,
    };
    const recovered = await recoverDeadRun(workspace.root, record, 'gone');
    expect(recovered).toMatchObject({
      removedWorktree: null,
      deletedBranch: 'mcp-orchestrator/rename-a-to-b',
      errors: [],
    });
    expect(await repo.git(['branch', '--list', 'mcp-orchestrator/*'])).toBe('');
  });

  it('leaves the branch of a released run alone: that run had finished', async () => {
    const { repo, workspace, base, head } = await setup();
    await repo.git(['branch', 'mcp-orchestrator/done']);
    const record: RunRecord = {
      ...base,
      state: 'released',
      branch: 'mcp-orchestrator/done',
      worktreePath: path.join(workspace.root, '.mcp-orchestrator', 'worktrees', 'done'),
      baseCommit: head,
      commit: head,
    };
    const recovered = await recoverDeadRun(workspace.root, record, 'gone');
    expect(recovered.deletedBranch).toBeNull();
    expect(recovered.keptBranch).toEqual({
      branch: 'mcp-orchestrator/done',
      commit: head,
      reason: 'committed',
    });
    expect((await repo.git(['rev-parse', 'mcp-orchestrator/done'])).trim()).toBe(head);
  });
});
