import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitSandbox } from '../fixtures/git/use-git-sandbox.js';
import type { CliResult } from '../helpers/fixture-repo.js';
import { type Box, createBox, readRunResult } from './helpers/create-box.js';
import { dropRunBranches, expectCleanStart, expectNoTrace } from './helpers/expect-no-trace.js';
import { JS_FILES, JS_LINKS, JS_SENTINEL, runArgs } from './helpers/tiny-repos.js';

describe('a test suite that hangs, leaves a daemon, or writes into the checkout', () => {
  useGitSandbox();
  let box: Box;
  beforeAll(async () => {
    box = await createBox({ files: JS_FILES, links: JS_LINKS, sentinel: JS_SENTINEL });
  });
  afterAll(() => box?.cleanup());

  it('stops a hanging suite at --test-timeout, and refuses a second run meanwhile with RUN_IN_PROGRESS', async () => {
    const before = await box.snapshot();
    let second: Promise<CliResult> | undefined;
    const first = await box.cli(runArgs(box.repo.dir, 'sleep 48', '--test-timeout', '4'), {
      onStderr: (text) => {
        if (second !== undefined || !text.includes('running sh -c sleep 48')) return;
        second = box.cli(runArgs(box.repo.dir));
      },
    });
    const refused = await second;
    expect(refused?.code, refused?.stderr).toBe(2);
    expect(refused?.stderr).toContain('error [RUN_IN_PROGRESS]: Another run is in progress');
    expect(first.code, first.stderr).toBe(1);
    expectCleanStart(first);
    expect(first.stderr).toContain('error [TESTS_FAILED]');
    expect(first.stderr).toContain('timed out after 4000 ms');
    await expectNoTrace(box, before);
  }, 60_000);

  it('stops a setsid daemon the suite leaves holding its stdout', async () => {
    const before = await box.snapshot();
    const daemon = `setsid sh -c 'trap "" TERM; sleep 49' & node --test test/`;
    const result = await box.cli(runArgs(box.repo.dir, daemon));
    expect(result.code, result.stderr).toBe(0);
    expectCleanStart(result);
    await expectNoTrace(box, before, { runBranch: 'kept' });
    await dropRunBranches(box);
  }, 60_000);

  it('fails with CHECKOUT_CHANGED, naming the paths, when the suite writes into the checkout', async () => {
    const before = await box.snapshot();
    const pwned = path.join(box.repo.dir, 'pwned.txt');
    const hostile = `rm ../../../src/index.js && echo owned > ${pwned} && node --test test/`;
    const result = await box.cli(runArgs(box.repo.dir, hostile));
    expect(result.code, result.stderr).toBe(1);
    expectCleanStart(result);
    expect(result.stderr).toContain('error [CHECKOUT_CHANGED]');
    expect(result.stderr).toContain('  created pwned.txt\n');
    expect(result.stderr).toContain('  deleted src/index.js\n');
    const json = await readRunResult(result);
    expect(json.branch).toBeNull();
    expect(json.checkoutChanges).toEqual([
      { change: 'created', path: 'pwned.txt' },
      { change: 'deleted', path: 'src/index.js' },
    ]);
    // Put back what the suite did: then nothing else may differ.
    await box.repo.git(['checkout', '--', 'src/index.js']);
    await rm(pwned);
    await expectNoTrace(box, before);
  }, 60_000);
});
