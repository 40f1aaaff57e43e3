import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandRunner, runProcess } from '../../../src/process/index.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';
import {
  findLiveProcessesWith,
  killProcessesWith,
  waitUntil,
} from '../../fixtures/process/marked-processes.js';

/**
 * Prints the tree marker, then starts a process in a new session that holds stdout and stderr
 * (it prints "held"), and waits until that process runs.
 */
const LEAVE_SETSID_HOLDER = [
  'echo "$MCP_ORCHESTRATOR_PROCESS_TREE";',
  `setsid sh -c 'echo held; : > "$READY_FILE"; exec sleep 300' &`,
  'while [ ! -e "$READY_FILE" ]; do sleep 0.01; done;',
].join(' ');

const tags: string[] = [];
/** An environment tagged for clean-up, whatever the code under test leaves behind. */
function taggedEnv(): NodeJS.ProcessEnv {
  const tag = `test-${randomUUID()}`;
  tags.push(tag);
  return { ...process.env, PROCESS_TEST_TAG: tag, READY_FILE: path.join(tmpdir(), `${tag}.ready`) };
}

afterEach(async () => {
  for (const tag of tags.splice(0)) {
    killProcessesWith(tag);
    await rm(path.join(tmpdir(), `${tag}.ready`), { force: true });
  }
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
    expect(result.stdout).toContain('held');
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
    expect(result.stdout).toContain('held');
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
      onStdout: (chunk) => {
        if (chunk.includes('held')) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.stdout).toContain('held');
    expect(result.timedOut).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
    const marker = markerOf(result.stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('stops a grandchild in the same process group on timeout', async () => {
    let grandchild = Number.NaN;
    const result = await runProcess(['sh', '-c', 'sleep 300 & echo $!; wait'], {
      cwd: tmpdir(),
      env: taggedEnv(),
      timeoutMs: 500,
      onStdout: (chunk) => {
        grandchild = Number.parseInt(chunk.toString(), 10);
      },
    });
    expect(result.timedOut).toBe(true);
    expect(Number.isInteger(grandchild)).toBe(true);
    expect(await waitUntil(() => !isProcessAlive(grandchild))).toBe(true);
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
    const ended = await waitUntil(() => !isProcessAlive(pid));
    // No tag to find it by: clean up by pid.
    if (!ended) process.kill(pid, 'SIGKILL');
    expect(ended).toBe(true);
  });

  it('keeps a detached leftover with leftovers "keep" and stops it by default', async () => {
    const detach = [
      `setsid sh -c ': > "$READY_FILE"; exec sleep 300' </dev/null >/dev/null 2>&1 &`,
      'while [ ! -e "$READY_FILE" ]; do sleep 0.01; done;',
      'echo "$MCP_ORCHESTRATOR_PROCESS_TREE"',
    ].join(' ');
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

  it("makes the phases' command runner honour its timeout whatever holds the pipes", async () => {
    const started = performance.now();
    const result = await createCommandRunner().run(
      ['sh', '-c', `${LEAVE_SETSID_HOLDER} sleep 300`],
      {
        cwd: tmpdir(),
        env: taggedEnv(),
        timeoutMs: 2_000,
        signal: new AbortController().signal,
      },
    );
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.outputTail).toContain('held');
    expect(performance.now() - started).toBeLessThan(6_000);
    const marker = markerOf(result.outputTail);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });

  it('ends the whole tree, new sessions included, when this process exits while it runs', async () => {
    const processModule = fileURLToPath(new URL('../../../dist/process/index.js', import.meta.url));
    // The parent exits as soon as the command printed its marker, without stopping it.
    const script = `
      const { runProcess } = await import(${JSON.stringify(processModule)});
      void runProcess(['sh', '-c', ${JSON.stringify(`${LEAVE_SETSID_HOLDER} sleep 300`)}], {
        cwd: process.cwd(),
        onStdout: (chunk) => {
          process.stdout.write(chunk);
          if (chunk.includes('held')) process.exit(0);
        },
      });
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: taggedEnv() },
    );
    const marker = markerOf(stdout);
    expect(await waitUntil(() => findLiveProcessesWith(marker).length === 0)).toBe(true);
  });
});
