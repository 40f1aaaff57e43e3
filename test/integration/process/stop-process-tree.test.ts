import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/phases/shared/run-command.js';
import { runProcess } from '../../../src/process/index.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';
import {
  findLiveProcessesWith,
  killProcessesWith,
  waitUntil,
} from '../../fixtures/process/marked-processes.js';

/** Prints the tree marker, then leaves a process in a new session holding stdout and stderr. */
const LEAVE_SETSID_HOLDER = `echo "$MCP_ORCHESTRATOR_PROCESS_TREE"; setsid sh -c 'sleep 300' &`;

const tags: string[] = [];
/** An environment tagged for clean-up, whatever the code under test leaves behind. */
function taggedEnv(): NodeJS.ProcessEnv {
  const tag = `test-${randomUUID()}`;
  tags.push(tag);
  return { ...process.env, PROCESS_TEST_TAG: tag };
}

afterEach(() => {
  for (const tag of tags.splice(0)) killProcessesWith(tag);
});

function markerOf(stdout: string): string {
  const marker = stdout.split('\n')[0]?.split(':').at(-1) ?? '';
  expect(marker).toMatch(/^t[0-9a-f]{24}$/);
  return marker;
}

describe('stopping a whole process tree', () => {
  it('ends a timed-out command whose descendant in a new session holds its pipes', async () => {
    const started = performance.now();
    const result = await runProcess(['sh', '-c', `${LEAVE_SETSID_HOLDER} sleep 300`], {
      cwd: tmpdir(),
      env: taggedEnv(),
      timeoutMs: 2_000,
      maxOutputBytes: 1024,
    });
    expect(result.timedOut).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.exitCode).toBeNull();
    expect(performance.now() - started).toBeLessThan(6_000);
    const marker = markerOf(result.stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('returns soon after a command exits while a descendant in a new session holds its pipes', async () => {
    const started = performance.now();
    const result = await runProcess(['sh', '-c', LEAVE_SETSID_HOLDER], {
      cwd: tmpdir(),
      env: taggedEnv(),
      timeoutMs: 60_000,
      maxOutputBytes: 1024,
    });
    expect(result.exitCode).toBe(0);
    expect(result.timedOut).toBe(false);
    expect(performance.now() - started).toBeLessThan(3_000);
    const marker = markerOf(result.stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('ends the whole tree, new sessions included, when the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const result = await runProcess(['sh', '-c', `${LEAVE_SETSID_HOLDER} sleep 300`], {
      cwd: tmpdir(),
      env: taggedEnv(),
      signal: controller.signal,
      maxOutputBytes: 1024,
      onStdout: () => controller.abort(),
    });
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
    const marker = markerOf(result.stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('stops a grandchild in the same process group on timeout', async () => {
    const env = taggedEnv();
    const result = await runProcess(['sh', '-c', 'sleep 300 & echo started; wait'], {
      cwd: tmpdir(),
      env,
      timeoutMs: 500,
    });
    expect(result.timedOut).toBe(true);
    expect(result.outputTail).toContain('started');
    expect(
      await waitUntil(() => findLiveProcessesWith(env.PROCESS_TEST_TAG ?? '').length === 0),
    ).toBe(true);
  });

  it('finds a descendant that cleared its environment through its parent while the child runs', async () => {
    const env = taggedEnv();
    // A new session and an empty environment: only its parent link ties it to the tree.
    const result = await runProcess(['sh', '-c', 'env -i setsid sleep 300 & echo $!; wait'], {
      cwd: tmpdir(),
      env,
      timeoutMs: 500,
      maxOutputBytes: 1024,
    });
    expect(result.timedOut).toBe(true);
    const pid = Number.parseInt(result.stdout, 10);
    expect(Number.isInteger(pid)).toBe(true);
    expect(await waitUntil(() => !isProcessAlive(pid))).toBe(true);
  });

  it('keeps a detached leftover with leftovers "keep" and stops it by default', async () => {
    const detach = `setsid sh -c 'sleep 300' </dev/null >/dev/null 2>&1 & echo "$MCP_ORCHESTRATOR_PROCESS_TREE"`;
    const kept = await runProcess(['sh', '-c', detach], {
      cwd: tmpdir(),
      env: taggedEnv(),
      leftovers: 'keep',
      maxOutputBytes: 1024,
    });
    expect(findLiveProcessesWith(markerOf(kept.stdout)).length).toBeGreaterThan(0);
    const stopped = await runProcess(['sh', '-c', detach], {
      cwd: tmpdir(),
      env: taggedEnv(),
      maxOutputBytes: 1024,
    });
    const marker = markerOf(stopped.stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('makes runCommand honour its timeout whatever holds the pipes', async () => {
    const started = performance.now();
    const result = await runCommand(['sh', '-c', `${LEAVE_SETSID_HOLDER} sleep 300`], {
      cwd: tmpdir(),
      env: taggedEnv(),
      timeoutMs: 2_000,
      signal: new AbortController().signal,
    });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(performance.now() - started).toBeLessThan(6_000);
    const marker = markerOf(result.outputTail);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });
});
