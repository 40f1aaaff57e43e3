import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openGitWorkspace, parsePorcelainPaths } from '../../../src/vcs/open-git-workspace.js';
import {
  createFixtureRepo,
  createTempDir,
  type FixtureRepo,
  git,
} from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

async function fixture(
  options: Parameters<typeof createFixtureRepo>[0] = {},
): Promise<FixtureRepo> {
  const repo = await createFixtureRepo(options);
  sandbox.track(repo.cleanup);
  return repo;
}

describe('openGitWorkspace', () => {
  it('finds the top level from a subfolder, as a real path', async () => {
    const repo = await fixture({ files: { 'src/deep/a.ts': 'a\n' } });
    const links = await createTempDir();
    sandbox.track(() => rm(links, { recursive: true, force: true }));
    await symlink(repo.dir, path.join(links, 'linked'), 'dir');
    const workspace = await openGitWorkspace(path.join(links, 'linked', 'src', 'deep'));
    expect(workspace.root).toBe(repo.dir);
    expect(workspace.gitCommonDir).toBe(path.join(repo.dir, '.git'));
  });

  it('says how to fix a folder that is not a git repository', async () => {
    const dir = await createTempDir();
    sandbox.track(() => rm(dir, { recursive: true, force: true }));
    const error = await openGitWorkspace(dir).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'NOT_A_GIT_REPO')).toBe(true);
    expect((error as Error).message).toBe(
      `No git repository at ${dir}. Run "git init" or pass --workspace.`,
    );
  });

  it('says that a folder which does not exist does not exist, naming it', async () => {
    const error = await openGitWorkspace('/no/such/folder/anywhere').catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect((error as Error).message).toBe(
      'The folder /no/such/folder/anywhere does not exist. Pass --workspace a folder inside a git repository.',
    );
  });

  it('says that a file is not a folder', async () => {
    const repo = await fixture();
    const file = path.join(repo.dir, 'README.md');
    const error = await openGitWorkspace(file).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect((error as Error).message).toContain(`${file} is a file, not a folder.`);
  });

  it('says that a bare repository has no working tree, from its top and from inside it', async () => {
    const parent = await createTempDir();
    sandbox.track(() => rm(parent, { recursive: true, force: true }));
    const bare = path.join(parent, 'remote.git');
    await git(['init', '--quiet', '--bare', bare], parent);
    for (const dir of [bare, path.join(bare, 'refs')]) {
      const error = await openGitWorkspace(dir).catch((e: unknown) => e);
      expect(isOrchestratorError(error, 'NOT_A_GIT_REPO')).toBe(true);
      expect((error as Error).message).toContain(`${bare} is a bare git repository`);
      expect((error as Error).message).toContain('a run needs one');
      expect((error as Error).message).not.toContain('git init');
      expect((error as { data: Record<string, unknown> }).data.reason).toBe('BARE_REPOSITORY');
    }
  });

  it('explains that a repository without commits has nothing to branch from', async () => {
    const repo = await fixture({ commit: false });
    const error = await openGitWorkspace(repo.dir).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'NOT_A_GIT_REPO')).toBe(true);
    expect((error as Error).message).toContain('has no commits yet');
    expect((error as { data: Record<string, unknown> }).data.reason).toBe('NO_COMMITS');
  });

  it('reads HEAD, the current branch, and null when HEAD is detached', async () => {
    const repo = await fixture({ branch: 'trunk' });
    const workspace = await openGitWorkspace(repo.dir);
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    expect(await workspace.headCommit()).toBe(head);
    expect(await workspace.currentBranch()).toBe('trunk');
    expect(await workspace.resolveCommit('trunk')).toBe(head);
    await repo.git(['checkout', '--quiet', '--detach']);
    expect(await workspace.currentBranch()).toBeNull();
  });

  it('tells which branches exist', async () => {
    const repo = await fixture();
    await repo.git(['branch', 'mcp-orchestrator/x']);
    const workspace = await openGitWorkspace(repo.dir);
    expect(await workspace.branchExists('mcp-orchestrator/x')).toBe(true);
    expect(await workspace.branchExists('mcp-orchestrator/y')).toBe(false);
    expect(await workspace.branchExists('main')).toBe(true);
  });
});

describe('GitWorkspace.dirtyFiles', () => {
  it('is empty for a clean checkout', async () => {
    const repo = await fixture();
    expect(await (await openGitWorkspace(repo.dir)).dirtyFiles()).toEqual([]);
  });

  it('lists modified, staged, deleted, renamed and untracked files, but not ignored ones or .mcp-orchestrator/', async () => {
    const repo = await fixture({
      files: {
        'a.txt': 'a\n',
        'b.txt': 'b\n',
        'c.txt': 'c\n',
        'd.txt': 'd\n',
        '.gitignore': 'dist/\n',
      },
    });
    await repo.write('a.txt', 'changed\n');
    await repo.write('b.txt', 'staged\n');
    await repo.git(['add', 'b.txt']);
    await repo.git(['rm', '--quiet', 'c.txt']);
    await rename(path.join(repo.dir, 'd.txt'), path.join(repo.dir, 'e.txt'));
    await repo.git(['add', '--all', 'd.txt', 'e.txt']);
    await repo.write('new dir/untracked file.txt', 'u\n');
    await repo.write('dist/out.js', 'ignored\n');
    await repo.write('.mcp-orchestrator/runs/1/plan.json', '{}\n');
    const workspace = await openGitWorkspace(repo.dir);
    expect(await workspace.dirtyFiles()).toEqual([
      'a.txt',
      'b.txt',
      'c.txt',
      'd.txt',
      'e.txt',
      'new dir/untracked file.txt',
    ]);
  });
});

describe('GitWorkspace.ensureExcluded', () => {
  it('adds .mcp-orchestrator/ to info/exclude once', async () => {
    const repo = await fixture();
    const workspace = await openGitWorkspace(repo.dir);
    const excludeFile = path.join(repo.dir, '.git/info/exclude');
    const before = await readFile(excludeFile, 'utf8');
    expect(await workspace.ensureExcluded()).toBe(true);
    expect(await workspace.ensureExcluded()).toBe(false);
    const after = await readFile(excludeFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.split('\n').filter((line) => line === '.mcp-orchestrator/')).toHaveLength(1);
    await repo.write('.mcp-orchestrator/cache.db', 'x');
    expect(await repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  it('creates info/exclude when it is missing and keeps a last line without newline intact', async () => {
    const repo = await fixture();
    const excludeFile = path.join(repo.dir, '.git/info/exclude');
    await writeFile(excludeFile, '*.log');
    const workspace = await openGitWorkspace(repo.dir);
    expect(await workspace.ensureExcluded('.cache/')).toBe(true);
    expect(await readFile(excludeFile, 'utf8')).toBe('*.log\n.cache/\n');
    await rm(path.join(repo.dir, '.git/info'), { recursive: true });
    expect(await workspace.ensureExcluded()).toBe(true);
    expect(await readFile(excludeFile, 'utf8')).toBe('.mcp-orchestrator/\n');
  });

  it('writes to the common git dir when opened from a linked worktree', async () => {
    const repo = await fixture();
    const linked = path.join(await createTempDir(), 'linked');
    sandbox.track(() => rm(path.dirname(linked), { recursive: true, force: true }));
    await repo.git(['worktree', 'add', '--quiet', '-b', 'side', linked]);
    const workspace = await openGitWorkspace(linked);
    expect(workspace.root).toBe(linked);
    expect(workspace.gitCommonDir).toBe(path.join(repo.dir, '.git'));
    expect(await workspace.ensureExcluded()).toBe(true);
    expect(await readFile(path.join(repo.dir, '.git/info/exclude'), 'utf8')).toContain(
      '.mcp-orchestrator/\n',
    );
    await mkdir(path.join(linked, '.mcp-orchestrator'), { recursive: true });
    await writeFile(path.join(linked, '.mcp-orchestrator', 'x'), 'x');
    expect(await repo.git(['status', '--porcelain'], linked)).toBe('');
  });
});

describe('parsePorcelainPaths', () => {
  it('reads both sides of a rename and skips empty records', () => {
    expect(parsePorcelainPaths(' M a.txt\0R  new.txt\0old.txt\0?? dir/x y.txt\0')).toEqual([
      'a.txt',
      'new.txt',
      'old.txt',
      'dir/x y.txt',
    ]);
  });
});
