import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitSandbox } from '../fixtures/git/use-git-sandbox.js';
import { type Box, createBox, readRunResult } from './helpers/create-box.js';
import { dropRunBranches, expectCleanStart, expectNoTrace } from './helpers/expect-no-trace.js';
import { JS_BRANCH, JS_FILES, JS_LINKS, JS_SENTINEL, runArgs } from './helpers/tiny-repos.js';

const execFileAsync = promisify(execFile);

/** `git show <revision>` as bytes (the fixture helper decodes as UTF-8). */
async function showBytes(dir: string, revision: string): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', ['show', revision], {
    cwd: dir,
    encoding: 'buffer',
  });
  return stdout;
}

describe('a repository with a link out of it, or damaged run state', () => {
  useGitSandbox();
  let box: Box;
  beforeAll(async () => {
    box = await createBox({ files: JS_FILES, links: JS_LINKS, sentinel: JS_SENTINEL });
  });
  afterAll(() => box?.cleanup());

  it('never writes through a tracked symlink to a file outside the repository', async () => {
    const before = await box.snapshot();
    const linkBefore = await box.repo.git(['ls-tree', 'HEAD', 'src/outside.js']);
    const result = await box.cli(runArgs(box.repo.dir));
    expect(result.code, result.stderr).toBe(0);
    expect(await box.repo.git(['ls-tree', JS_BRANCH, 'src/outside.js'])).toBe(linkBefore);
    expect(await box.repo.git(['show', `${JS_BRANCH}:src/users.js`])).toContain('fetchUser');
    // expectNoTrace compares the sentinel folder the link points into, byte for byte.
    await expectNoTrace(box, before, { runBranch: 'kept' });
    await dropRunBranches(box);
  }, 60_000);

  it('sets a corrupt cache.db and history.db aside with a warning, and the run succeeds', async () => {
    const state = path.join(box.repo.dir, '.mcp-orchestrator');
    await writeFile(path.join(state, 'cache.db'), 'not a database\n');
    await writeFile(path.join(state, 'history.db'), 'not a database either\n');
    const before = await box.snapshot();
    const result = await box.cli(runArgs(box.repo.dir));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Slice cache \S+cache\.db was unreadable .* moved it to/);
    const json = await readRunResult(result);
    expect(json.warnings.join('\n')).toMatch(
      /Run history \S+history\.db was unreadable .* moved it to \S+history\.db\.corrupt-\S+, and \S+history\.duckdb starts without it/,
    );
    const names = await readdir(state);
    expect(names.filter((n) => n.startsWith('cache.db.corrupt-'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('history.db.corrupt-'))).toHaveLength(1);
    await expectNoTrace(box, before, { runBranch: 'kept' });
    await dropRunBranches(box);
  }, 60_000);

  it('the run after them starts clean and warns about nothing', async () => {
    const before = await box.snapshot();
    const result = await box.cli(runArgs(box.repo.dir));
    expect(result.code, result.stderr).toBe(0);
    expectCleanStart(result);
    expect(result.stderr).not.toMatch(/⚠|Warning/);
    await expectNoTrace(box, before, { runBranch: 'kept' });
  }, 60_000);
});

describe('a latin-1 Python file with a coding cookie', () => {
  useGitSandbox();
  const core = Buffer.concat([
    Buffer.from('# -*- coding: latin-1 -*-\n# Caf', 'latin1'),
    Buffer.from([0xe9, 0x20, 0xa9, 0x20, 0x31, 0x39, 0x39, 0x39, 0x0a]),
    Buffer.from("\ndef post_entry(amount):\n    return 'r", 'latin1'),
    Buffer.from([0xe9]),
    Buffer.from("sum %d' % amount\n", 'latin1'),
  ]);
  let box: Box;
  beforeAll(async () => {
    box = await createBox({
      files: {
        'ledger/__init__.py': '',
        'ledger/core.py': core,
        'ledger/use.py': 'from ledger.core import post_entry\n\nTOTAL = post_entry(1)\n',
      },
    });
  });
  afterAll(() => box?.cleanup());

  it('keeps every byte outside the edit identical', async () => {
    const before = await box.snapshot();
    const result = await box.cli([
      'run',
      'rename function post_entry to record_entry',
      '--workspace',
      box.repo.dir,
      '--test-command',
      'python3 -c "from ledger.use import TOTAL"',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const branch = 'mcp-orchestrator/rename-function-post-entry-to-record-entry';
    const committed = await showBytes(box.repo.dir, `${branch}:ledger/core.py`);
    const expected = Buffer.from(
      core.toString('latin1').replace('def post_entry', 'def record_entry'),
      'latin1',
    );
    expect(committed.equals(expected), committed.toString('latin1')).toBe(true);
    await expectNoTrace(box, before, { runBranch: 'kept' });
  }, 90_000);
});
