import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { runGit, runGitRaw } from '../../../src/vcs/run-git.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';

let repo: FixtureRepo;

beforeAll(async () => {
  repo = await createFixtureRepo({ files: { 'café/naïve.txt': 'x\n', 'a.txt': 'a\n' } });
});
afterAll(async () => {
  await repo.cleanup();
});

describe('runGit', () => {
  it('returns stdout and prints non-ASCII paths unquoted', async () => {
    const out = await runGit(['ls-files'], { cwd: repo.dir });
    expect(out.split('\n').filter(Boolean).sort()).toEqual(['a.txt', 'café/naïve.txt']);
  });

  it('throws GIT_FAILED naming the command and git’s stderr', async () => {
    const error = await runGit(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo.dir }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('git -c core.quotepath=off rev-parse --verify no-such-ref');
    expect(message).toContain('fatal: Needed a single revision');
    expect((error as { data: Record<string, unknown> }).data.exitCode).toBe(128);
  });

  it('passes arguments through without a shell', async () => {
    const out = await runGit(['log', '-1', '--format=$(echo hi) `x` ; %s'], { cwd: repo.dir });
    expect(out.trim()).toBe('$(echo hi) `x` ; initial commit');
  });

  it('throws CANCELLED when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await runGit(['status'], { cwd: repo.dir, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
  });

  it('throws CANCELLED when the signal aborts while git runs', async () => {
    const controller = new AbortController();
    // A shell alias makes git itself wait for a second.
    const pending = runGit(['-c', 'alias.slow=!sleep 1', 'slow'], {
      cwd: repo.dir,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50).unref();
    const started = Date.now();
    const error = await pending.catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('stops the processes git started as well when the signal aborts', async () => {
    const pidFile = path.join(repo.dir, '..', `${path.basename(repo.dir)}-child.pid`);
    const controller = new AbortController();
    const pending = runGit(['-c', `alias.hang=!echo $$ > '${pidFile}'; exec sleep 30`, 'hang'], {
      cwd: repo.dir,
      signal: controller.signal,
    });
    let pid = Number.NaN;
    for (let i = 0; i < 100 && Number.isNaN(pid); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
    }
    expect(Number.isInteger(pid)).toBe(true);
    controller.abort();
    expect(isOrchestratorError(await pending.catch((e: unknown) => e), 'CANCELLED')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(() => process.kill(pid, 0)).toThrow();
    await rm(pidFile, { force: true });
  });

  it('throws GIT_FAILED when the folder does not exist', async () => {
    const error = await runGit(['status'], { cwd: path.join(repo.dir, 'missing') }).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toContain('Could not run git');
  });

  it('throws a retryable GIT_FAILED when the command outlives timeoutMs', async () => {
    const error = await runGit(['-c', 'alias.slow=!sleep 1', 'slow'], {
      cwd: repo.dir,
      timeoutMs: 100,
    }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/timed out after 100 ms/);
    expect((error as { retryable: boolean }).retryable).toBe(true);
  });

  it('reports a non-zero exit as a value from runGitRaw', async () => {
    const out = await runGitRaw(['show-ref', '--verify', '--quiet', 'refs/heads/nope'], {
      cwd: repo.dir,
    });
    expect(out.exitCode).toBe(1);
  });
});
