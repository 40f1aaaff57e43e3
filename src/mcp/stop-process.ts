import { setTimeout as delay } from 'node:timers/promises';
import { releaseChild } from './orphan-guard.js';

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Exited in between.
  }
}

/** True when `done` settles within `ms` (the timer is unref'd: it never holds the process). */
async function settlesWithin(done: Promise<void>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const result = await Promise.race([
    done.then(() => true),
    delay(ms, false, { ref: false, signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  return result;
}

/**
 * Stops a child server in steps: `closeTransport` (which closes its stdin and resolves once the
 * process has closed), a grace period, SIGTERM, a grace period, SIGKILL. Resolves when the
 * process is gone. Timers are unref'd; the live child handle is what keeps an awaiting caller
 * alive.
 * @param graceMs wait after each step, in ms
 */
export async function stopProcess(
  pid: number | undefined,
  closeTransport: () => Promise<void>,
  graceMs: number,
): Promise<void> {
  const closed = closeTransport().catch(() => undefined);
  if (pid !== undefined) {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      if (await settlesWithin(closed, graceMs)) break;
      sendSignal(pid, signal);
    }
  }
  await closed;
  if (pid !== undefined) releaseChild(pid);
}
