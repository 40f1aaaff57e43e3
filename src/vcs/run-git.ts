import { constants } from 'node:os';
import { OrchestratorError } from '../core/errors.js';
import { runProcess } from '../process/index.js';

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

/**
 * Runs `git -c core.quotepath=off <args>` (never through a shell; stdin closed) and returns how
 * it exited. A non-zero exit is a value here, not an error; a git that cannot start, a timeout
 * or an abort still throw (`GIT_FAILED`, `GIT_FAILED` (retryable), `CANCELLED`). A timeout or
 * an abort stops git and everything it started (hooks, ssh, aliases).
 */
export async function runGitRaw(
  args: readonly string[],
  options: RunGitOptions,
): Promise<GitOutput> {
  const { cwd, signal } = options;
  const fullArgs = ['-c', 'core.quotepath=off', ...args];
  const command = `git ${fullArgs.join(' ')}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const result = await runProcess(['git', ...fullArgs], {
    cwd,
    timeoutMs,
    ...(signal === undefined ? {} : { signal }),
    maxOutputBytes: MAX_OUTPUT_BYTES,
    tailBytes: 0,
    // A detached `gc --auto` may outlive the command that started it.
    leftovers: 'keep',
    env: {
      ...process.env,
      // Read-only commands (status, diff) must not rewrite the user's index.
      GIT_OPTIONAL_LOCKS: '0',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      ...options.env,
    },
  });
  const { exit } = result;
  if (result.cancelled) {
    throw new OrchestratorError('CANCELLED', `${command} was cancelled in ${cwd}.`, {
      data: { command, cwd },
      cause: signal?.reason,
    });
  }
  if (exit.kind === 'spawn-failed') {
    throw new OrchestratorError(
      'GIT_FAILED',
      `Could not run ${command} in ${cwd}: ${exit.reason}. Is git installed and on PATH, and does the folder exist?`,
      { data: { command, cwd, errno: exit.errno } },
    );
  }
  if (result.timedOut) {
    throw new OrchestratorError(
      'GIT_FAILED',
      `${command} timed out after ${timeoutMs} ms in ${cwd}.`,
      {
        data: { command, cwd, timeoutMs },
        retryable: true,
      },
    );
  }
  if (result.outputTruncated) {
    throw new OrchestratorError(
      'GIT_FAILED',
      `${command} printed more than ${MAX_OUTPUT_BYTES} bytes in ${cwd}.`,
      { data: { command, cwd } },
    );
  }
  const exitCode =
    exit.kind === 'exited'
      ? exit.exitCode
      : 128 + (exit.kind === 'signalled' ? (constants.signals[exit.signal] ?? 0) : 0);
  return { exitCode, stdout: result.stdout, stderr: result.stderr };
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
