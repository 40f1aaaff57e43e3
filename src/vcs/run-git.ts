import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { OrchestratorError } from '../core/errors.js';

/** Options for {@link runGit} and {@link runGitRaw}. */
export interface RunGitOptions {
  /** Directory git runs in. */
  cwd: string;
  /** Cancels the command: git (and anything it started) is stopped and the call rejects with `CANCELLED`. */
  signal?: AbortSignal;
  /** Extra environment variables, merged over `process.env`. */
  env?: Record<string, string>;
  /** Deadline for this command in milliseconds; past it the call rejects with `GIT_FAILED`. @default 60000 */
  timeoutMs?: number;
}

/** What a finished git command printed, and how it exited. */
export interface GitOutput {
  /** Exit code; 128 + the signal number when git was killed by a signal. */
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Default deadline for one git command, in milliseconds. */
export const DEFAULT_GIT_TIMEOUT_MS = 60_000;

/** Most output kept per stream, in bytes; more fails the command. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
/** Time between SIGTERM and SIGKILL when stopping git, in milliseconds. */
const KILL_GRACE_MS = 2_000;
/** On POSIX git gets its own process group, so stopping it stops its hooks, ssh and aliases too. */
const OWN_PROCESS_GROUP = process.platform !== 'win32';

/**
 * Runs `git -c core.quotepath=off <args>` (never through a shell; stdin closed) and returns how
 * it exited. A non-zero exit is a value here, not an error; a git that cannot start, a timeout
 * or an abort still throw (`GIT_FAILED`, `GIT_FAILED` (retryable), `CANCELLED`).
 */
export function runGitRaw(args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  const { cwd, signal } = options;
  const fullArgs = ['-c', 'core.quotepath=off', ...args];
  const command = `git ${fullArgs.join(' ')}`;
  if (signal?.aborted === true) return Promise.reject(cancelled(command, cwd, signal.reason));
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const stopSignal = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);

  return new Promise((resolve, reject) => {
    const child = spawn('git', fullArgs, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: OWN_PROCESS_GROUP,
      windowsHide: true,
      env: {
        ...process.env,
        // Read-only commands (status, diff) must not rewrite the user's index.
        GIT_OPTIONAL_LOCKS: '0',
        GIT_TERMINAL_PROMPT: '0',
        LC_ALL: 'C',
        ...options.env,
      },
    });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      sendSignal(child, 'SIGTERM');
      killTimer = setTimeout(() => sendSignal(child, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      stopSignal.removeEventListener('abort', stop);
      clearTimeout(killTimer);
      outcome();
    };
    stopSignal.addEventListener('abort', stop, { once: true });

    child.once('error', (error) => {
      finish(() =>
        reject(
          new OrchestratorError(
            'GIT_FAILED',
            `Could not run ${command} in ${cwd}: ${error.message}. Is git installed and on PATH, and does the folder exist?`,
            { data: { command, cwd }, cause: error },
          ),
        ),
      );
    });
    child.once('close', (code, signalName) => {
      finish(() => {
        if (signal?.aborted === true) return reject(cancelled(command, cwd, signal.reason));
        if (deadline.aborted) {
          return reject(
            new OrchestratorError(
              'GIT_FAILED',
              `${command} timed out after ${timeoutMs} ms in ${cwd}.`,
              {
                data: { command, cwd, timeoutMs },
                retryable: true,
              },
            ),
          );
        }
        if (stdout.overflow || stderr.overflow) {
          return reject(
            new OrchestratorError(
              'GIT_FAILED',
              `${command} printed more than ${MAX_OUTPUT_BYTES} bytes in ${cwd}.`,
              {
                data: { command, cwd },
              },
            ),
          );
        }
        const exitCode =
          code ?? 128 + (signalName === null ? 0 : (constants.signals[signalName] ?? 0));
        resolve({ exitCode, stdout: stdout.text(), stderr: stderr.text() });
      });
    });
  });
}

/**
 * Runs `git -c core.quotepath=off <args>` in `options.cwd` and returns its stdout.
 * Throws `GIT_FAILED` (with the command and git's stderr) for a non-zero exit or a timeout,
 * and `CANCELLED` when `options.signal` aborts.
 */
export async function runGit(args: readonly string[], options: RunGitOptions): Promise<string> {
  const output = await runGitRaw(args, options);
  if (output.exitCode !== 0) throw toGitError(args, options.cwd, output);
  return output.stdout;
}

/** The `GIT_FAILED` error for a git command that exited non-zero. */
export function toGitError(
  args: readonly string[],
  cwd: string,
  output: GitOutput,
): OrchestratorError {
  const command = `git -c core.quotepath=off ${args.join(' ')}`;
  const stderr = output.stderr.trim();
  return new OrchestratorError(
    'GIT_FAILED',
    `${command} failed in ${cwd} (exit ${output.exitCode}): ${stderr === '' ? '(no output)' : stderr}`,
    { data: { command, cwd, exitCode: output.exitCode, stderr } },
  );
}

function collect(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const state = {
    overflow: false,
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_OUTPUT_BYTES) state.overflow = true;
    else chunks.push(chunk);
  });
  return state;
}

function sendSignal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (OWN_PROCESS_GROUP && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // Already gone.
  }
}

function cancelled(command: string, cwd: string, reason: unknown): OrchestratorError {
  return new OrchestratorError('CANCELLED', `${command} was cancelled in ${cwd}.`, {
    data: { command, cwd },
    cause: reason,
  });
}
