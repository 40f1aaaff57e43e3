import { execFile } from 'node:child_process';
import { OrchestratorError } from '../core/errors.js';

/** Options for {@link runGit} and {@link runGitRaw}. */
export interface RunGitOptions {
  /** Directory git runs in. */
  cwd: string;
  /** Cancels the command: git is sent SIGTERM and the call rejects with `CANCELLED`. */
  signal?: AbortSignal;
  /** Extra environment variables, merged over `process.env`. */
  env?: Record<string, string>;
  /** Deadline for this command in milliseconds; past it the call rejects with `GIT_FAILED`. @default 60000 */
  timeoutMs?: number;
}

/** What a finished git command printed, and how it exited. */
export interface GitOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Default deadline for one git command, in milliseconds. */
export const DEFAULT_GIT_TIMEOUT_MS = 60_000;

const MAX_BUFFER_BYTES = 256 * 1024 * 1024;

/**
 * Runs `git -c core.quotepath=off <args>` (never through a shell) and returns how it exited.
 * A non-zero exit is a value here, not an error; a git that cannot start, a timeout or an
 * abort still throw (`GIT_FAILED`, `GIT_FAILED`, `CANCELLED`).
 */
export function runGitRaw(args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  const { cwd, signal } = options;
  const fullArgs = ['-c', 'core.quotepath=off', ...args];
  const command = `git ${fullArgs.join(' ')}`;
  if (signal?.aborted === true) {
    return Promise.reject(cancelled(command, cwd, signal.reason));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const combined = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      fullArgs,
      {
        cwd,
        signal: combined,
        maxBuffer: MAX_BUFFER_BYTES,
        encoding: 'utf8',
        windowsHide: true,
        env: {
          ...process.env,
          // Read-only commands (status, diff) must not rewrite the user's index.
          GIT_OPTIONAL_LOCKS: '0',
          GIT_TERMINAL_PROMPT: '0',
          LC_ALL: 'C',
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr });
          return;
        }
        if (signal?.aborted === true) {
          reject(cancelled(command, cwd, signal.reason));
          return;
        }
        if (deadline.aborted) {
          reject(
            new OrchestratorError(
              'GIT_FAILED',
              `${command} timed out after ${timeoutMs} ms in ${cwd}.`,
              {
                data: { command, cwd, timeoutMs },
                cause: error,
                retryable: true,
              },
            ),
          );
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') {
          resolve({ exitCode: code, stdout, stderr });
          return;
        }
        reject(
          new OrchestratorError(
            'GIT_FAILED',
            `Could not run ${command} in ${cwd}: ${error.message}. Is git installed and on PATH?`,
            { data: { command, cwd }, cause: error },
          ),
        );
      },
    );
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

function cancelled(command: string, cwd: string, reason: unknown): OrchestratorError {
  return new OrchestratorError('CANCELLED', `${command} was cancelled in ${cwd}.`, {
    data: { command, cwd },
    cause: reason,
  });
}
