import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { pushBranch } from '../../../src/vcs/push-branch.js';
import { createWorktree } from '../../../src/vcs/worktree.js';
import {
  createFixtureRepo,
  createTempDir,
  type FixtureRepo,
  git,
} from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

async function setup(): Promise<{ repo: FixtureRepo; bare: string }> {
  const repo = await createFixtureRepo({ files: { 'a.txt': 'a\n' } });
  sandbox.track(repo.cleanup);
  const bareParent = await createTempDir();
  sandbox.track(() => rm(bareParent, { recursive: true, force: true }));
  const bare = path.join(bareParent, 'remote.git');
  await git(['init', '--quiet', '--bare', bare], bareParent);
  await repo.git(['remote', 'add', 'origin', bare]);
  return { repo, bare };
}

describe('pushBranch', () => {
  it('pushes the run branch to a bare remote without touching the user’s config', async () => {
    const { repo, bare } = await setup();
    const workspace = await openGitWorkspace(repo.dir);
    const worktree = await createWorktree(workspace, {
      branch: 'mcp-orchestrator/edit-a',
      baseCommit: 'HEAD',
    });
    await writeFile(path.join(worktree.path, 'a.txt'), 'b\n');
    const sha = await worktree.commitAll('edit a');
    await worktree.release();
    const configBefore = await repo.git(['config', '--list', '--local']);

    await pushBranch(workspace, 'origin', 'mcp-orchestrator/edit-a');

    expect((await git(['rev-parse', 'refs/heads/mcp-orchestrator/edit-a'], bare)).trim()).toBe(sha);
    expect(await repo.git(['config', '--list', '--local'])).toBe(configBefore);
  });

  it('throws GIT_FAILED with git’s message when the remote refuses', async () => {
    const { repo } = await setup();
    const workspace = await openGitWorkspace(repo.dir);
    await repo.git(['branch', 'mcp-orchestrator/x']);
    await pushBranch(workspace, 'origin', 'mcp-orchestrator/x');
    // Make the remote branch diverge, so a second (non-forced) push is rejected.
    await repo.git(['commit', '--quiet', '--allow-empty', '-m', 'other']);
    await repo.git(['push', '--quiet', '--force', 'origin', 'HEAD:refs/heads/mcp-orchestrator/x']);
    await repo.git(['branch', '--force', 'mcp-orchestrator/x', 'HEAD~1']);
    const error = await pushBranch(workspace, 'origin', 'mcp-orchestrator/x').catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/rejected|non-fast-forward/);
    expect((error as Error).message).toContain('mcp-orchestrator/x');
  });
});
