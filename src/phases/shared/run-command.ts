import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** The last `tailBytes` of stdout and stderr, interleaved. */
  outputTail: string;
}

const GRACE_MS = 2_000;

/** Process groups still running; killed if this process exits first (a second Ctrl-C). */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});

/**
 * Runs argv in `cwd` (no shell) in its own process group, keeping the tail of its output.
 * On timeout or abort the whole group stops in steps: SIGTERM, grace period, SIGKILL.
 */
export function runCommand(
  argv: readonly string[],
  options: {
    cwd: string;
    timeoutMs: number;
    signal: AbortSignal;
    env?: NodeJS.ProcessEnv;
    tailBytes?: number;
  },
): Promise<CommandResult> {
  const [command, ...args] = argv;
  const tailBytes = options.tailBytes ?? 8_000;
  const started = performance.now();
  return new Promise((resolve) => {
    let tail = '';
    let timedOut = false;
    let cancelled = false;
    const child = spawn(command as string, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) liveGroups.add(child.pid);
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString('utf8')).slice(-tailBytes);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      signalGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), GRACE_MS);
      killTimer.unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    timer.unref();
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    const finish = (exitCode: number | null, message?: string): void => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
      signalGroup(child.pid, 'SIGKILL');
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      resolve({
        exitCode,
        durationMs: Math.round(performance.now() - started),
        timedOut,
        cancelled,
        outputTail: message ? `${tail}\n${message}` : tail,
      });
    };
    child.on('error', (error) => finish(null, `Could not start ${command}: ${error.message}`));
    child.on('close', (code) => finish(code));
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The last `count` lines of `text`, without trailing blank lines. */
export function toLastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
