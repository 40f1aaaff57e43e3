import { spawn } from 'node:child_process';
import { OrchestratorError } from '../../core/errors.js';
import { stopChildProcess } from './stop-child-process.js';

/** Options for {@link runPythonScript}. */
export interface RunPythonScriptOptions {
  /** The interpreter. */
  pythonPath: string;
  /** Working directory (the workspace root). */
  cwd: string;
  signal?: AbortSignal;
}

/**
 * Runs an embedded Python program with `python -c`, writes `input` as JSON to its stdin and
 * parses its stdout as JSON. Scripts ship as TypeScript string constants so they are found the
 * same way from `src/` and `dist/`.
 */
export async function runPythonScript<T>(
  script: string,
  input: unknown,
  options: RunPythonScriptOptions,
): Promise<T> {
  options.signal?.throwIfAborted();
  const child = spawn(options.pythonPath, ['-I', '-c', script], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdin.on('error', () => {});
  const onAbort = (): void => void stopChildProcess(child, { stdinGraceMs: 0, termGraceMs: 500 });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
      child.stdin.end(JSON.stringify(input));
    });
    options.signal?.throwIfAborted();
    if (code !== 0) {
      throw new OrchestratorError(
        'LANGUAGE_SERVER_FAILED',
        `Python analysis script failed with exit code ${code}: ${stderr.trim().slice(-800)}`,
        { data: { pythonPath: options.pythonPath } },
      );
    }
    return JSON.parse(Buffer.concat(stdout).toString('utf8')) as T;
  } catch (error) {
    if (options.signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', 'Python analysis was cancelled.', {
        cause: options.signal.reason,
      });
    }
    if (error instanceof OrchestratorError) throw error;
    throw new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `Could not run ${options.pythonPath}: ${(error as Error).message}. Pass pythonPath or install python3.`,
      { cause: error, data: { pythonPath: options.pythonPath } },
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
