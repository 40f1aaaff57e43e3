import type { ChildProcess } from 'node:child_process';

/** Grace periods for {@link stopChildProcess}. */
export interface StopChildProcessOptions {
  /** Wait after closing stdin before SIGTERM. @default 1000 */
  stdinGraceMs?: number;
  /** Wait after SIGTERM before SIGKILL. @default 1000 */
  termGraceMs?: number;
}

/** True once the child has exited or was killed by a signal. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when the child exits, or after `ms` (false). The timer is unref'd. */
function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(hasExited(child));
    }, ms);
    timer.unref();
    child.once('exit', onExit);
  });
}

/**
 * Stops a child in steps: close stdin, grace, SIGTERM, grace, SIGKILL.
 * Never rejects; safe to call on a child that already exited.
 */
export async function stopChildProcess(
  child: ChildProcess,
  options: StopChildProcessOptions = {},
): Promise<void> {
  const { stdinGraceMs = 1000, termGraceMs = 1000 } = options;
  if (hasExited(child)) return;
  child.stdin?.end();
  if (await waitForExit(child, stdinGraceMs)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, termGraceMs)) return;
  child.kill('SIGKILL');
  await waitForExit(child, termGraceMs);
}
