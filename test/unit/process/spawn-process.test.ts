import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spawnProcess } from '../../../src/process/index.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';

/** A child that ignores stdin closing and SIGTERM (only SIGKILL stops it). */
function spawnStubborn() {
  const child = spawnProcess(
    [
      process.execPath,
      '-e',
      "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('ready')",
    ],
    { cwd: tmpdir() },
  );
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, ready };
}

describe('spawnProcess', () => {
  it('ends a child that exits when its stdin closes without sending a signal', async () => {
    const child = spawnProcess([process.execPath, '-e', 'process.stdin.resume()'], {
      cwd: tmpdir(),
    });
    const exit = await child.stop({ stdinGraceMs: 5000, termGraceMs: 100 });
    expect(exit).toEqual({ kind: 'exited', exitCode: 0 });
  });

  it('escalates to SIGKILL when the child ignores stdin closing and SIGTERM', async () => {
    const { child, ready } = spawnStubborn();
    await ready;
    const started = performance.now();
    const stopped = child.stop({ stdinGraceMs: 100, termGraceMs: 200 });
    expect(child.state).toBe('stopping');
    expect(await stopped).toEqual({ kind: 'signalled', signal: 'SIGKILL' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(child.state).toBe('exited');
    expect(isProcessAlive(child.pid ?? -1)).toBe(false);
  });

  it('returns at once for a child that already exited, and can be called twice', async () => {
    const child = spawnProcess([process.execPath, '-e', ''], { cwd: tmpdir() });
    expect(await child.exited).toEqual({ kind: 'exited', exitCode: 0 });
    const started = performance.now();
    const [first, second] = await Promise.all([child.stop(), child.stop()]);
    expect(first).toEqual({ kind: 'exited', exitCode: 0 });
    expect(second).toBe(first);
    expect(performance.now() - started).toBeLessThan(100);
    expect(child.state).toBe('exited');
  });

  it('adds one exit hook while the child runs and removes it when the child ends', async () => {
    const before = process.listenerCount('exit');
    const child = spawnProcess([process.execPath, '-e', 'setTimeout(() => {}, 200)'], {
      cwd: tmpdir(),
    });
    expect(process.listenerCount('exit')).toBe(before + 1);
    await child.exited;
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('removes the exit hook of a child stopped by its signal', async () => {
    const before = process.listenerCount('exit');
    const controller = new AbortController();
    const { child, ready } = spawnStubborn();
    const aborted = spawnProcess([process.execPath, '-e', 'setInterval(() => {}, 1000)'], {
      cwd: tmpdir(),
      signal: controller.signal,
      stdinGraceMs: 50,
      termGraceMs: 100,
    });
    expect(process.listenerCount('exit')).toBe(before + 2);
    controller.abort();
    expect(await aborted.exited).toEqual({ kind: 'signalled', signal: 'SIGTERM' });
    await ready;
    await child.stop({ stdinGraceMs: 0, termGraceMs: 0 });
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('reports a command that cannot start as a value naming it, with no exit hook left', async () => {
    const before = process.listenerCount('exit');
    const child = spawnProcess(['/nonexistent/tool', '--flag'], { cwd: tmpdir() });
    const failure = {
      kind: 'spawn-failed',
      errno: 'ENOENT',
      message: expect.stringContaining('Could not start /nonexistent/tool'),
      reason: 'spawn /nonexistent/tool ENOENT: no such executable (is it installed and on PATH?)',
    };
    expect(await child.spawned).toEqual(failure);
    expect(await child.exited).toEqual(failure);
    expect(child.pid).toBeUndefined();
    expect(child.state).toBe('exited');
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('says when the working folder is what does not exist', async () => {
    const child = spawnProcess(['sh', '-c', 'true'], { cwd: '/nonexistent/folder' });
    expect(await child.exited).toMatchObject({
      kind: 'spawn-failed',
      message:
        'Could not start sh in /nonexistent/folder: spawn sh ENOENT: the working folder does not exist',
    });
  });

  it('gives the child its own process group and a tree marker that descendants inherit', async () => {
    const child = spawnProcess(
      [
        'sh',
        '-c',
        'echo "$(ps -o pgid= -p $$) $$"; sh -c \'echo "$MCP_ORCHESTRATOR_PROCESS_TREE"\'',
      ],
      { cwd: tmpdir(), stdin: 'ignore' },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    expect(child.stdin).toBeNull();
    await child.exited;
    const [groupLine, marker] = out.trim().split('\n');
    const [pgid, pid] = (groupLine ?? '').trim().split(/\s+/);
    expect(pgid).toBe(pid);
    expect(Number(pid)).toBe(child.pid);
    expect(marker).toMatch(/t[0-9a-f]{24}$/);
  });
});
