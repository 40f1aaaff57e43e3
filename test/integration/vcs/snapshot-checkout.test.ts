import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCheckoutSnapshots, snapshotCheckout } from '../../../src/vcs/snapshot-checkout.js';
import { createFixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

describe('snapshotCheckout and compareCheckoutSnapshots', () => {
  const sandbox = useGitSandbox();

  async function repoWithState() {
    const repo = await createFixtureRepo({
      files: {
        '.gitignore': 'node_modules/\n*.env\n',
        'src/a.js': 'a\n',
        'src/b.js': 'b\n',
        'dirty.txt': 'committed\n',
      },
    });
    sandbox.track(() => repo.cleanup());
    await repo.write('dirty.txt', 'uncommitted work\n');
    await repo.write('notes.txt', 'untracked\n');
    await repo.write('node_modules/pkg/index.js', 'module\n');
    await repo.write('.env', 'SECRET=1\n');
    await repo.git(['config', 'core.excludesFile', '/dev/null']);
    await mkdir(path.join(repo.dir, '.mcp-orchestrator', 'worktrees'), { recursive: true });
    await repo.write('.git/info/exclude', '.mcp-orchestrator/\n');
    return repo;
  }

  it('finds no change when only the run state, or files inside an ignored folder, changed', async () => {
    const repo = await repoWithState();
    const before = await snapshotCheckout(repo.dir);
    await repo.write('.mcp-orchestrator/worktrees/x/src/a.js', 'edited in the worktree\n');
    await repo.write('.mcp-orchestrator/runs/1/result.json', '{}');
    await repo.write('node_modules/pkg/index.js', 'rebuilt\n');
    await repo.write('node_modules/.cache/vitest/results.json', '{}');
    expect(
      compareCheckoutSnapshots(before, await snapshotCheckout(repo.dir, { previous: before })),
    ).toEqual([]);
  });

  it('names each path a test suite created, deleted or modified, tracked or not', async () => {
    const repo = await repoWithState();
    const before = await snapshotCheckout(repo.dir);
    await rm(path.join(repo.dir, 'src/a.js'));
    await repo.write('src/b.js', 'b, rewritten\n');
    await repo.write('dirty.txt', 'the user work, overwritten\n');
    await rm(path.join(repo.dir, 'notes.txt'));
    await repo.write('pwned.txt', 'x\n');
    await repo.write('.env', 'SECRET=2\n');
    await repo.write('other.env', 'new ignored file\n');
    await symlink('/etc/passwd', path.join(repo.dir, 'link'));
    await rm(path.join(repo.dir, 'node_modules'), { recursive: true });
    expect(
      compareCheckoutSnapshots(before, await snapshotCheckout(repo.dir, { previous: before })),
    ).toEqual([
      { change: 'modified', path: '.env' },
      { change: 'modified', path: 'dirty.txt' },
      { change: 'created', path: 'link' },
      { change: 'deleted', path: 'node_modules/' },
      { change: 'deleted', path: 'notes.txt' },
      { change: 'created', path: 'other.env' },
      { change: 'created', path: 'pwned.txt' },
      { change: 'deleted', path: 'src/a.js' },
      { change: 'modified', path: 'src/b.js' },
    ]);
  });

  it('sees uncommitted work put back to the committed text, a new commit, and a staged file', async () => {
    const repo = await repoWithState();
    const before = await snapshotCheckout(repo.dir);
    await repo.write('dirty.txt', 'committed\n');
    await repo.git(['add', 'notes.txt']);
    await repo.git(['commit', '-q', '--allow-empty', '-m', 'sneaky']);
    const changes = compareCheckoutSnapshots(
      before,
      await snapshotCheckout(repo.dir, { previous: before }),
    );
    expect(changes.map((c) => `${c.change} ${c.path}`)).toEqual([
      'head-moved HEAD',
      'modified dirty.txt',
      'modified notes.txt',
    ]);
    expect(changes[0]).toMatchObject({ from: expect.stringMatching(/ main$/) });
  });

  it('costs well under 200 ms on a 1,000-file repository', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i += 1)
      files[`pkg${i % 20}/m${i}.py`] = `def f${i}():\n    return ${i}\n`;
    const repo = await createFixtureRepo({ files });
    sandbox.track(() => repo.cleanup());
    await writeFile(path.join(repo.dir, 'untracked.txt'), 'x\n');
    await snapshotCheckout(repo.dir);
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await snapshotCheckout(repo.dir);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(200);
  });
});
