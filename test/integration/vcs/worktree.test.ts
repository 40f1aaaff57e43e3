import { access, chmod, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { createWorktree } from '../../../src/vcs/worktree.js';
import { createFixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { snapshotRepo } from '../../fixtures/git/snapshot-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const BRANCH = 'mcp-orchestrator/rename-getuser-to-fetchuser';
const FILES = {
  'src/user.ts': 'export function getUser() {\n  return 1;\n}\n',
  'src/main.ts': "import { getUser } from './user';\nconsole.log(getUser());\n",
  'README.md': '# app\n',
};

const sandbox = useGitSandbox();

async function setup(options: Parameters<typeof createFixtureRepo>[0] = {}) {
  const repo = await createFixtureRepo({ files: FILES, ...options });
  sandbox.track(repo.cleanup);
  const workspace = await openGitWorkspace(repo.dir);
  // The exclude line is the one lasting change a run makes (ARCHITECTURE: "Files a run leaves").
  await workspace.ensureExcluded();
  return { repo, workspace, base: await workspace.headCommit() };
}

async function renameInWorktree(worktreePath: string): Promise<void> {
  for (const file of ['src/user.ts', 'src/main.ts']) {
    const target = path.join(worktreePath, file);
    await writeFile(target, (await readFile(target, 'utf8')).replaceAll('getUser', 'fetchUser'));
  }
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('createWorktree', () => {
  it('checks the base commit out on a new branch under .mcp-orchestrator/worktrees', async () => {
    const { repo, workspace, base } = await setup();
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: 'HEAD' });
    expect(worktree.path).toBe(
      path.join(repo.dir, '.mcp-orchestrator', 'worktrees', 'rename-getuser-to-fetchuser'),
    );
    expect(worktree.baseCommit).toBe(base);
    expect(worktree.state).toBe('ready');
    expect(await readFile(path.join(worktree.path, 'src/user.ts'), 'utf8')).toBe(
      FILES['src/user.ts'],
    );
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(base);
    expect(await workspace.dirtyFiles()).toEqual([]);
    await worktree.rollback();
  });

  it('refuses a branch that already exists and leaves that branch alone', async () => {
    const { repo, workspace, base } = await setup();
    await repo.git(['branch', BRANCH]);
    const error = await createWorktree(workspace, { branch: BRANCH, baseCommit: base }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toContain(`Branch ${BRANCH} already exists`);
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(base);
  });

  it('refuses a worktree folder that already exists and leaves its content alone', async () => {
    const { repo, workspace, base } = await setup();
    const folder = path.join(repo.dir, 'elsewhere');
    await repo.write('elsewhere/keep.txt', 'precious\n');
    const error = await createWorktree(workspace, {
      branch: BRANCH,
      baseCommit: base,
      path: folder,
    }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toContain(`Folder ${folder} already exists`);
    expect(await readFile(path.join(folder, 'keep.txt'), 'utf8')).toBe('precious\n');
    expect(await workspace.branchExists(BRANCH)).toBe(false);
  });

  it('leaves nothing behind when its signal is already aborted', async () => {
    const { repo, workspace, base } = await setup();
    const before = await snapshotRepo(repo.dir);
    const controller = new AbortController();
    controller.abort(new Error('SIGINT'));
    const error = await createWorktree(workspace, {
      branch: BRANCH,
      baseCommit: base,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });

  it('cleans up a half-made worktree when the signal aborts during the checkout', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i += 1) many[`gen/file-${i}.txt`] = `${'x'.repeat(2000)}${i}\n`;
    const { repo, workspace, base } = await setup({ files: { ...FILES, ...many } });
    const before = await snapshotRepo(repo.dir);
    const controller = new AbortController();
    const pending = createWorktree(workspace, {
      branch: BRANCH,
      baseCommit: base,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('SIGINT')), 5).unref();
    const outcome = await pending.then(
      (worktree) => worktree,
      (error: unknown) => error,
    );
    // The checkout may win the race; either way, a rollback must restore everything.
    if (!(outcome instanceof Error)) await (outcome as Awaited<typeof pending>).rollback();
    else expect(isOrchestratorError(outcome, 'CANCELLED')).toBe(true);
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });
});

describe('Worktree', () => {
  it('commits, diffs and rolls back, leaving the repository byte-identical', async () => {
    const { repo, workspace, base } = await setup();
    await repo.write('notes.txt', 'uncommitted work\n');
    await repo.write('README.md', '# app, edited by the user\n');
    const before = await snapshotRepo(repo.dir);

    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    await writeFile(path.join(worktree.path, 'src/new.ts'), 'export const x = 1;\n');
    expect(await worktree.changedFiles()).toEqual(['src/main.ts', 'src/new.ts', 'src/user.ts']);
    const sha = await worktree.commitAll('Rename getUser to fetchUser');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(worktree.state).toBe('committed');
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(sha);
    expect((await repo.git(['log', '-1', '--format=%s%n%P', sha])).trim()).toBe(
      `Rename getUser to fetchUser\n${base}`,
    );

    const patch = await worktree.diffPatch();
    expect(patch).toContain('diff --git a/src/user.ts b/src/user.ts');
    expect(patch).toContain('-export function getUser() {');
    expect(patch).toContain('+export function fetchUser() {');
    expect(patch).toContain('new file mode 100644');
    expect(await worktree.diffStat()).toEqual({
      files: [
        { file: 'src/main.ts', additions: 2, deletions: 2, binary: false },
        { file: 'src/new.ts', additions: 1, deletions: 0, binary: false },
        { file: 'src/user.ts', additions: 1, deletions: 1, binary: false },
      ],
      additions: 4,
      deletions: 3,
    });
    // The user's checkout was not touched while the run worked.
    expect(await readFile(path.join(repo.dir, 'src/user.ts'), 'utf8')).toBe(FILES['src/user.ts']);

    await worktree.rollback();
    expect(worktree.state).toBe('removed');
    expect(await exists(worktree.path)).toBe(false);
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });

  it('reports the same diff before the commit as after it', async () => {
    const { workspace, base } = await setup();
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    const beforeCommit = await worktree.diffPatch();
    const statBefore = await worktree.diffStat();
    await worktree.commitAll('rename');
    expect(await worktree.diffPatch()).toBe(beforeCommit);
    expect(await worktree.diffStat()).toEqual(statBefore);
    await worktree.rollback();
  });

  it('completes a rollback after the run was cancelled', async () => {
    const { repo, workspace, base } = await setup();
    const before = await snapshotRepo(repo.dir);
    const controller = new AbortController();
    const worktree = await createWorktree(workspace, {
      branch: BRANCH,
      baseCommit: base,
      signal: controller.signal,
    });
    await renameInWorktree(worktree.path);
    controller.abort(new Error('SIGINT'));
    const error = await worktree
      .commitAll('rename', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
    await worktree.rollback();
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });

  it('can be rolled back twice, even concurrently', async () => {
    const { repo, workspace, base } = await setup();
    const before = await snapshotRepo(repo.dir);
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    await worktree.commitAll('rename');
    await Promise.all([worktree.rollback(), worktree.rollback()]);
    await worktree.rollback();
    expect(worktree.state).toBe('removed');
    expect(await snapshotRepo(repo.dir)).toEqual(before);
    await expect(worktree.diffPatch()).rejects.toThrow(/was removed/);
  });

  it('rolls back even when someone already deleted the worktree folder', async () => {
    const { repo, workspace, base } = await setup();
    const before = await snapshotRepo(repo.dir);
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await repo.git(['worktree', 'remove', '--force', worktree.path]);
    await worktree.rollback();
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });

  it('releases after success: the folder goes, the branch and its commit stay', async () => {
    const { repo, workspace, base } = await setup();
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    const sha = await worktree.commitAll('rename');
    await worktree.release();
    expect(worktree.state).toBe('removed');
    expect(await exists(worktree.path)).toBe(false);
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(sha);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain('.mcp-orchestrator');
    await worktree.rollback();
    expect((await repo.git(['rev-parse', BRANCH])).trim()).toBe(sha);
  });

  it('refuses to release a worktree that has no commit', async () => {
    const { workspace, base } = await setup();
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await expect(worktree.release()).rejects.toThrow(/needs a committed worktree/);
    await worktree.rollback();
  });

  it('refuses an empty commit unless asked for one', async () => {
    const { workspace, base } = await setup();
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    const error = await worktree.commitAll('nothing').catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as { data: Record<string, unknown> }).data.reason).toBe('NOTHING_TO_COMMIT');
    expect(worktree.state).toBe('ready');
    const sha = await worktree.commitAll('empty on purpose', { allowEmpty: true });
    expect(sha).not.toBe(base);
    await worktree.rollback();
  });

  it("commits with the repository's identity and never writes git config", async () => {
    const { repo, workspace, base } = await setup({
      user: { name: 'Ada', email: 'ada@example.com' },
    });
    const configBefore = await readFile(path.join(repo.dir, '.git/config'), 'utf8');
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    const sha = await worktree.commitAll('rename');
    expect((await repo.git(['log', '-1', '--format=%an <%ae>|%cn <%ce>', sha])).trim()).toBe(
      'Ada <ada@example.com>|Ada <ada@example.com>',
    );
    await worktree.rollback();
    expect(await readFile(path.join(repo.dir, '.git/config'), 'utf8')).toBe(configBefore);
  });

  it('falls back to the mcp-orchestrator identity only when none is configured', async () => {
    const { repo, workspace, base } = await setup({ user: null });
    const configBefore = await readFile(path.join(repo.dir, '.git/config'), 'utf8');
    const globalBefore = await readFile(sandbox.config.globalConfigPath, 'utf8');
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    const sha = await worktree.commitAll('rename');
    expect((await repo.git(['log', '-1', '--format=%an <%ae>', sha])).trim()).toBe(
      'mcp-orchestrator <mcp-orchestrator@localhost>',
    );
    await worktree.rollback();
    expect(await readFile(path.join(repo.dir, '.git/config'), 'utf8')).toBe(configBefore);
    expect(await readFile(sandbox.config.globalConfigPath, 'utf8')).toBe(globalBefore);
    expect(
      (await repo.git(['config', '--list', '--show-origin'])).includes('mcp-orchestrator'),
    ).toBe(false);
  });

  it('never commits a symlink that points outside the worktree', async () => {
    const { repo, workspace, base } = await setup({
      files: { ...FILES, '.gitignore': 'node_modules/\n' },
    });
    await repo.write('node_modules/dep/index.js', 'module.exports = 1;\n');
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await symlink(
      path.join(repo.dir, 'node_modules'),
      path.join(worktree.path, 'node_modules'),
      'dir',
    );
    await renameInWorktree(worktree.path);
    const sha = await worktree.commitAll('rename');
    const tree = await repo.git(['ls-tree', '-r', '--name-only', sha]);
    expect(tree.split('\n')).not.toContain('node_modules');
    expect(await worktree.changedFiles()).toEqual(['src/main.ts', 'src/user.ts']);
    await worktree.rollback();
    expect(await readFile(path.join(repo.dir, 'node_modules/dep/index.js'), 'utf8')).toBe(
      'module.exports = 1;\n',
    );
  });

  it('runs the repository hooks only when asked to', async () => {
    const { repo, workspace, base } = await setup();
    const marker = path.join(repo.dir, '..', `${path.basename(repo.dir)}-hook-ran`);
    for (const hook of ['post-checkout', 'pre-commit', 'post-commit']) {
      await repo.write(`.git/hooks/${hook}`, `#!/bin/sh\necho ${hook} >> "${marker}"\n`);
      await chmod(path.join(repo.dir, '.git/hooks', hook), 0o755);
    }
    const worktree = await createWorktree(workspace, { branch: BRANCH, baseCommit: base });
    await renameInWorktree(worktree.path);
    await worktree.commitAll('rename');
    await worktree.rollback();
    expect(await exists(marker)).toBe(false);

    const hooked = await createWorktree(workspace, {
      branch: BRANCH,
      baseCommit: base,
      runHooks: true,
    });
    await renameInWorktree(hooked.path);
    await hooked.commitAll('rename');
    await hooked.rollback();
    // --no-verify still skips pre-commit; post-checkout and post-commit run.
    expect((await readFile(marker, 'utf8')).split('\n').filter(Boolean)).toEqual([
      'post-checkout',
      'post-commit',
    ]);
    await rm(marker, { force: true });
  });
});
