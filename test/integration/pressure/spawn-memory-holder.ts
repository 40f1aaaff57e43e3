import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const HOLDER = fileURLToPath(new URL('../../fixtures/pressure/memory-holder.mjs', import.meta.url));

/** A running memory holder; `kill()` ends its whole process group and may be called twice. */
export interface MemoryHolder {
  child: ChildProcess;
  kill(): Promise<void>;
}

/** Starts a process group holding `megabytes` MB (in a grandchild with `viaChild`) and waits for "ready". */
export async function spawnMemoryHolder(
  megabytes: number,
  viaChild = false,
): Promise<MemoryHolder> {
  const args = [HOLDER, String(megabytes), ...(viaChild ? ['via-child'] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = once(child, 'exit');
  const kill = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`memory holder exited early (${code})`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { child, kill };
}
