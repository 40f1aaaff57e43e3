import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitSandbox } from '../fixtures/git/use-git-sandbox.js';
import { type Box, createBox, readRunResult } from './helpers/create-box.js';
import {
  dropRunBranches,
  expectCleanStart,
  expectNoTrace,
  runBranches,
} from './helpers/expect-no-trace.js';
import { findBoxProcesses } from './helpers/find-box-processes.js';
import { JS_BRANCH, JS_FILES, JS_LINKS, JS_SENTINEL, runArgs } from './helpers/tiny-repos.js';

/** Polls until the box runs a process whose command line includes `needle`. */
async function waitForProcess(box: Box, needle: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await findBoxProcesses(box.dir)).find((p) => p.command.includes(needle));
    if (found !== undefined) return found.pid;
    await delay(25);
  }
  throw new Error(`No process of the box ran "${needle}" within ${timeoutMs} ms.`);
}

describe('a run that is killed, or whose server is killed, leaves nothing behind', () => {
  useGitSandbox();
  let box: Box;
  beforeAll(async () => {
    box = await createBox({ files: JS_FILES, links: JS_LINKS, sentinel: JS_SENTINEL });
  });
  afterAll(() => box?.cleanup());

  it('after a kill -9 of the orchestrator mid-EXECUTE, the next run stops its orphaned tests and cleans up', async () => {
    const before = await box.snapshot();
    let killed: Promise<void> | undefined;
    const crashed = await box.cli(runArgs(box.repo.dir, 'sleep 47'), {
      onStderr: (text, pid) => {
        if (killed !== undefined || !text.includes('running sh -c sleep 47')) return;
        killed = waitForProcess(box, 'sleep 47').then(() => {
          process.kill(pid, 'SIGKILL');
        });
      },
    });
    await killed;
    expect(crashed.code, crashed.stderr).toBeNull();
    // The fault is real: the tests outlive the orchestrator, in the worktree it left.
    const orphans = (await findBoxProcesses(box.dir)).filter((p) => p.command.includes('sleep 47'));
    expect(orphans.length).toBeGreaterThan(0);
    expect(await runBranches(box)).toEqual([JS_BRANCH]);

    const next = await box.cli(runArgs(box.repo.dir));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('Cleaned up after a run that died');
    expect(next.stderr).toMatch(
      /stopped (a process|\d+ processes) it had left running in its worktree \(pid [\d, ]+\)/,
    );
    for (const orphan of orphans) expect(next.stderr).toContain(String(orphan.pid));
    expect(next.stdout).toContain(`branch ${JS_BRANCH} at`);
    await expectNoTrace(box, before, { runBranch: 'kept' });
    await dropRunBranches(box);
  }, 60_000);

  it('after a kill -9 of the dependency_graph server mid-MAP, the pool restarts it or the run fails cleanly', async () => {
    const before = await box.snapshot();
    let killed: Promise<void> | undefined;
    const result = await box.cli(runArgs(box.repo.dir), {
      onStderr: (text) => {
        if (killed !== undefined || !text.includes('▶ map\n')) return;
        killed = waitForProcess(box, 'dependency-graph/main.js').then((pid) => {
          process.kill(pid, 'SIGKILL');
        });
      },
    });
    await killed;
    expectCleanStart(result);
    const json = await readRunResult(result);
    if (result.code === 0) {
      expect(json.phases.reduce((sum, p) => sum + p.retries, 0)).toBeGreaterThanOrEqual(1);
    } else {
      expect(result.code, result.stderr).toBe(1);
      expect(json.error?.code).toMatch(/^MCP_/);
    }
    await expectNoTrace(box, before, { runBranch: result.code === 0 ? 'kept' : 'none' });
    await dropRunBranches(box);
  }, 60_000);
});
