import { StringDecoder } from 'node:string_decoder';
import { OrchestratorError } from '../../core/errors.js';
import { runProcess } from '../../process/index.js';

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
/** rg needs no grace: it holds no state worth a clean exit. */
const STOP_GRACE_MS = 100;

/**
 * Runs rg with an argument array (never a shell) and streams its output records to
 * `onRecord`. Abort stops rg and rejects with `CANCELLED`.
 */
export async function runRg(options: RunRgOptions): Promise<RunRgResult> {
  const separator = options.separator ?? '\n';
  const callerAborted = (): boolean => options.signal?.aborted === true;
  if (callerAborted()) throw cancelled();
  const early = new AbortController();
  const signal =
    options.signal === undefined ? early.signal : AbortSignal.any([options.signal, early.signal]);
  const stdout = new StringDecoder('utf8');
  const stderrDecoder = new StringDecoder('utf8');
  let pending = '';
  let stderr = '';
  let stopped = false;
  const deliver = (record: string): void => {
    if (stopped || record === '') return;
    if (options.onRecord(record) === false) {
      stopped = true;
      early.abort();
    }
  };
  const result = await runProcess([options.rgPath, ...options.args], {
    cwd: options.cwd,
    signal,
    tailBytes: 0,
    termGraceMs: STOP_GRACE_MS,
    onStdout: (chunk) => {
      if (stopped) return;
      pending += stdout.write(chunk);
      let index = pending.indexOf(separator);
      while (index !== -1 && !stopped) {
        deliver(pending.slice(0, index));
        pending = pending.slice(index + 1);
        index = pending.indexOf(separator);
      }
    },
    onStderr: (chunk) => {
      stderr = (stderr + stderrDecoder.write(chunk)).slice(-STDERR_KEEP_BYTES);
    },
  });
  if (callerAborted()) throw cancelled();
  if (result.exit.kind === 'spawn-failed') {
    throw new OrchestratorError(
      'MCP_SERVER_UNAVAILABLE',
      `Could not run ripgrep at ${options.rgPath}: ${result.exit.reason}. Set RIPGREP_PATH to an rg executable.`,
      { data: { rgPath: options.rgPath, errno: result.exit.errno } },
    );
  }
  deliver(pending + stdout.end());
  return { exitCode: stopped ? null : result.exitCode, stopped, stderr: stderr.trim() };
}

function cancelled(): OrchestratorError {
  return new OrchestratorError('CANCELLED', 'The ripgrep search was cancelled.');
}
