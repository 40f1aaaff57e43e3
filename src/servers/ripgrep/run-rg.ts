import { spawn } from 'node:child_process';
import { OrchestratorError } from '../../core/errors.js';

/** Options for {@link runRg}. */
export interface RunRgOptions {
  rgPath: string;
  args: readonly string[];
  /** Working directory: the workspace root, so rg prints workspace-relative paths. */
  cwd: string;
  /** Record separator of rg's output. @default '\n' */
  separator?: '\n' | '\0';
  /** Called once per record; return `false` to stop rg early. */
  onRecord: (record: string) => boolean | undefined;
  signal?: AbortSignal;
}

/** How an rg run ended. */
export interface RunRgResult {
  /** 0: matches, 1: no match, 2: an error (possibly with partial output); null when stopped. */
  exitCode: number | null;
  /** True when `onRecord` asked to stop and rg was killed. */
  stopped: boolean;
  /** The last 4 KB of rg's stderr. */
  stderr: string;
}

const STDERR_KEEP_BYTES = 4096;

/**
 * Runs rg with an argument array (never a shell) and streams its output records to
 * `onRecord`. Abort kills rg and rejects with `CANCELLED`.
 */
export function runRg(options: RunRgOptions): Promise<RunRgResult> {
  const separator = options.separator ?? '\n';
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(cancelled());
      return;
    }
    const child = spawn(options.rgPath, options.args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
    });
    let pending = '';
    let stderr = '';
    let stopped = false;
    let settled = false;
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(() => reject(cancelled()));
    };
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      settle();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const deliver = (record: string): void => {
      if (stopped || record === '') return;
      if (options.onRecord(record) === false) {
        stopped = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let index = pending.indexOf(separator);
      while (index !== -1 && !stopped) {
        deliver(pending.slice(0, index));
        pending = pending.slice(index + 1);
        index = pending.indexOf(separator);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP_BYTES);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          new OrchestratorError(
            'MCP_SERVER_UNAVAILABLE',
            `Could not run ripgrep at ${options.rgPath}: ${error.message}. Set RIPGREP_PATH to an rg executable.`,
            { cause: error, data: { rgPath: options.rgPath } },
          ),
        ),
      );
    });
    child.on('close', (code) => {
      deliver(pending);
      pending = '';
      finish(() => resolve({ exitCode: stopped ? null : code, stopped, stderr: stderr.trim() }));
    });
  });
}

function cancelled(): OrchestratorError {
  return new OrchestratorError('CANCELLED', 'The ripgrep search was cancelled.');
}
