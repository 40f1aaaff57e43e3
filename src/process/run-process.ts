import { createOutputCollector, createOutputTail } from './output-buffers.js';
import type { ProcessExit, ProcessResult, RunProcessOptions } from './process-types.js';
import { spawnProcess } from './spawn-process.js';

/** Default bytes of interleaved output kept in `outputTail`. */
export const DEFAULT_TAIL_BYTES = 8_000;

function toExitCode(exit: ProcessResult['exit']): number | null {
  return exit.kind === 'exited' ? exit.exitCode : null;
}

/**
 * Runs `argv` to completion (never through a shell) in its own process group and resolves with
 * how it ended. Never rejects for a non-zero exit, a timeout, an abort or a command that cannot
 * start: those are values (`exitCode`, `timedOut`, `cancelled`, `exit.kind`). Past `timeoutMs`,
 * or when `signal` aborts, the whole process tree is stopped in steps (new sessions included),
 * and the call resolves once the child exited even if a descendant still holds its pipes.
 */
export async function runProcess(
  argv: readonly string[],
  options: RunProcessOptions,
): Promise<ProcessResult> {
  const started = performance.now();
  const tail = createOutputTail(options.tailBytes ?? DEFAULT_TAIL_BYTES);
  const stdout = createOutputCollector(options.maxOutputBytes ?? 0);
  const stderr = createOutputCollector(options.maxOutputBytes ?? 0);
  const toResult = (exit: ProcessResult['exit'], reason: StopReason): ProcessResult => ({
    exit,
    exitCode: toExitCode(exit),
    durationMs: Math.round(performance.now() - started),
    timedOut: reason === 'timeout',
    cancelled: reason === 'abort',
    stdout: stdout.text(),
    stderr: stderr.text(),
    outputTruncated: stdout.truncated || stderr.truncated,
    outputTail: tail.text(),
  });
  if (options.signal?.aborted === true) return toResult({ kind: 'aborted-before-start' }, 'abort');

  const { signal, timeoutMs, input, onStdout, onStderr, ...spawnOptions } = options;
  const child = spawnProcess(argv, {
    ...spawnOptions,
    stdin: input === undefined ? 'ignore' : 'pipe',
  });
  child.stdout.on('data', (chunk: Buffer) => {
    tail.push(chunk);
    stdout.push(chunk);
    onStdout?.(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    tail.push(chunk);
    stderr.push(chunk);
    onStderr?.(chunk);
  });
  child.stdin?.end(input);

  let reason: StopReason = 'none';
  const stopFor = (why: Exclude<StopReason, 'none'>) => (): void => {
    if (reason !== 'none') return;
    reason = why;
    void child.stop();
  };
  const onAbort = stopFor('abort');
  const onTimeout = stopFor('timeout');
  const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  signal?.addEventListener('abort', onAbort, { once: true });
  deadline?.addEventListener('abort', onTimeout, { once: true });
  let exit: ProcessExit;
  try {
    exit = await child.exited;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    deadline?.removeEventListener('abort', onTimeout);
  }
  return toResult(exit, reason);
}

type StopReason = 'none' | 'timeout' | 'abort';
