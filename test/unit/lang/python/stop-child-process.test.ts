import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stopChildProcess } from '../../../../src/lang/python/stop-child-process.js';

/** A child that ignores stdin closing and SIGTERM (only SIGKILL stops it). */
function spawnStubborn() {
  const child = spawn(
    process.execPath,
    ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('ready')"],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, ready };
}

describe('stopChildProcess', () => {
  it('ends a child that exits when its stdin closes without sending a signal', async () => {
    const child = spawn(process.execPath, ['-e', 'process.stdin.resume()'], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    await stopChildProcess(child, { stdinGraceMs: 5000, termGraceMs: 100 });
    expect(child.exitCode).toBe(0);
    expect(child.signalCode).toBeNull();
  });

  it('escalates to SIGKILL when the child ignores stdin closing and SIGTERM', async () => {
    const { child, ready } = spawnStubborn();
    await ready;
    const started = performance.now();
    await stopChildProcess(child, { stdinGraceMs: 100, termGraceMs: 200 });
    expect(child.signalCode).toBe('SIGKILL');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('returns at once for a child that already exited, and can be called twice', async () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    await stopChildProcess(child);
    await stopChildProcess(child);
    expect(child.exitCode).toBe(0);
  });
});
