import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitService } from '../../../src/orchestrator/create-git-service.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { createFixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

async function setup() {
  const files = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`pkg/m${i}.py`, `def f${i}():\n    return ${i}\n`]),
  );
  const repo = await createFixtureRepo({ files });
  sandbox.track(repo.cleanup);
  const workspace = await openGitWorkspace(repo.dir);
  const baseCommit = await workspace.headCommit();
  return { repo, git: await createGitService(workspace), baseCommit };
}

const branchesOf = async (repo: { git(args: string[]): Promise<string> }) =>
  (await repo.git(['branch', '--format=%(refname:short)'])).trim().split('\n');

describe('the prewarmed worktree', () => {
  it('is stopped and removed when the run ends before EXECUTE takes it', async () => {
    const { repo, git, baseCommit } = await setup();
    git.prewarmWorktree({ branchHint: 'rename f1 to g1', baseCommit });
    expect(await git.worktrees()).toEqual([]);
    expect(await branchesOf(repo)).toEqual(['main']);
    expect(
      (await repo.git(['worktree', 'list', '--porcelain'])).match(/^worktree /gm),
    ).toHaveLength(1);
    expect(
      existsSync(path.join(repo.dir, '.mcp-orchestrator', 'worktrees', 'rename-f1-to-g1')),
    ).toBe(false);
  });

  it('is the one EXECUTE gets when it asks with the same hint and base, and listed then', async () => {
    const { repo, git, baseCommit } = await setup();
    git.prewarmWorktree({ branchHint: 'rename f1 to g1', baseCommit });
    const { worktree } = await git.createWorktree({ branchHint: 'rename f1 to g1', baseCommit });
    expect(existsSync(path.join(worktree.path, 'pkg', 'm199.py'))).toBe(true);
    expect((await git.worktrees()).map((w) => w.path)).toEqual([worktree.path]);
    expect(await branchesOf(repo)).toContain(worktree.branch);
    await worktree.rollback();
    expect(await branchesOf(repo)).toEqual(['main']);
  });
});
