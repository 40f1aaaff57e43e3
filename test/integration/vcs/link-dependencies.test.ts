import { chmod, lstat, mkdir, readFile, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPythonInterpreter, linkDependencies } from '../../../src/vcs/link-dependencies.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import { createWorktree } from '../../../src/vcs/worktree.js';
import { createFixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { snapshotRepo } from '../../fixtures/git/snapshot-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

const MONOREPO = {
  'package.json': '{"name":"root"}\n',
  'packages/a/package.json': '{"name":"a"}\n',
  'packages/b/package.json': '{"name":"b"}\n',
  'packages/c/package.json': '{"name":"c"}\n',
  'vendored/node_modules/kept/index.js': 'tracked on purpose\n',
  'vendored/package.json': '{"name":"vendored"}\n',
  '.gitignore': '/node_modules/\npackages/*/node_modules/\n.venv/\n',
  'app.py': 'print(1)\n',
};

async function setup() {
  const repo = await createFixtureRepo({ files: MONOREPO });
  sandbox.track(repo.cleanup);
  await repo.write('node_modules/left-pad/index.js', 'root dep\n');
  await repo.write('packages/a/node_modules/dep/index.js', 'a dep\n');
  await repo.write('packages/b/node_modules/.bin/tool', '#!/bin/sh\n');
  await repo.write('.venv/bin/python', '#!/bin/sh\nexit 0\n');
  const workspace = await openGitWorkspace(repo.dir);
  await workspace.ensureExcluded();
  const before = await snapshotRepo(repo.dir);
  const worktree = await createWorktree(workspace, {
    branch: 'mcp-orchestrator/deps',
    baseCommit: 'HEAD',
  });
  return { repo, workspace, worktree, before };
}

describe('linkDependencies', () => {
  it('links untracked node_modules folders and .venv from the checkout into the worktree', async () => {
    const { repo, worktree } = await setup();
    const linked = await linkDependencies(repo.dir, worktree.path);
    expect(linked).toEqual([
      { path: '.venv', target: path.join(repo.dir, '.venv') },
      { path: 'node_modules', target: path.join(repo.dir, 'node_modules') },
      { path: 'packages/a/node_modules', target: path.join(repo.dir, 'packages/a/node_modules') },
      { path: 'packages/b/node_modules', target: path.join(repo.dir, 'packages/b/node_modules') },
    ]);
    for (const { path: relative, target } of linked) {
      const link = path.join(worktree.path, relative);
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readlink(link)).toBe(target);
    }
    expect(
      await readFile(path.join(worktree.path, 'packages/a/node_modules/dep/index.js'), 'utf8'),
    ).toBe('a dep\n');
    await worktree.rollback();
  });

  it('leaves tracked node_modules and places that already exist alone', async () => {
    const { repo, worktree } = await setup();
    await mkdir(path.join(worktree.path, 'node_modules'));
    const linked = await linkDependencies(repo.dir, worktree.path);
    const paths = linked.map((l) => l.path);
    expect(paths).not.toContain('vendored/node_modules');
    expect(paths).not.toContain('node_modules');
    expect((await lstat(path.join(worktree.path, 'vendored/node_modules'))).isDirectory()).toBe(
      true,
    );
    await worktree.rollback();
  });

  it('links nothing when the checkout has no dependency folders', async () => {
    const repo = await createFixtureRepo({ files: { 'package.json': '{}\n' } });
    sandbox.track(repo.cleanup);
    const worktree = await createWorktree(await openGitWorkspace(repo.dir), {
      branch: 'mcp-orchestrator/none',
      baseCommit: 'HEAD',
    });
    expect(await linkDependencies(repo.dir, worktree.path)).toEqual([]);
    await worktree.rollback();
  });

  it('keeps the links out of the commit and the checkout’s dependencies intact after rollback', async () => {
    const { repo, worktree, before } = await setup();
    await linkDependencies(repo.dir, worktree.path);
    await writeFile(path.join(worktree.path, 'app.py'), 'print(2)\n');
    const sha = await worktree.commitAll('edit');
    expect(
      (await repo.git(['ls-tree', '-r', '--name-only', sha])).split('\n').filter(Boolean).sort(),
    ).toEqual(Object.keys(MONOREPO).sort());
    await worktree.rollback();
    expect(await snapshotRepo(repo.dir)).toEqual(before);
  });
});

describe('findPythonInterpreter', () => {
  it('prefers the checkout’s .venv python', async () => {
    const repo = await createFixtureRepo();
    sandbox.track(repo.cleanup);
    await repo.write('.venv/bin/python', '#!/bin/sh\n');
    await repo.write('venv/bin/python', '#!/bin/sh\n');
    await chmod(path.join(repo.dir, '.venv/bin/python'), 0o755);
    await chmod(path.join(repo.dir, 'venv/bin/python'), 0o755);
    expect(await findPythonInterpreter(repo.dir)).toBe(path.join(repo.dir, '.venv/bin/python'));
  });

  it('uses venv when there is no .venv, and python3 when there is neither', async () => {
    const repo = await createFixtureRepo();
    sandbox.track(repo.cleanup);
    expect(await findPythonInterpreter(repo.dir)).toBe('python3');
    await repo.write('venv/bin/python', '#!/bin/sh\n');
    await chmod(path.join(repo.dir, 'venv/bin/python'), 0o755);
    expect(await findPythonInterpreter(repo.dir)).toBe(path.join(repo.dir, 'venv/bin/python'));
  });
});
