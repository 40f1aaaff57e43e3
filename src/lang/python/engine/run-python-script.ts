import { OrchestratorError } from '../../../core/errors.js';
import { runProcess } from '../../../process/index.js';

/** Options for {@link runPythonScript}. */
export interface RunPythonScriptOptions {
  /** The interpreter. */
  pythonPath: string;
  /** Working directory (the workspace root). */
  cwd: string;
  signal?: AbortSignal;
}

/** Most bytes of JSON a script may print. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
/** An analysis script holds nothing worth a clean exit. */
const TERM_GRACE_MS = 500;

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
  const result = await runProcess([options.pythonPath, '-I', '-c', script], {
    cwd: options.cwd,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
    input: JSON.stringify(input),
    maxOutputBytes: MAX_OUTPUT_BYTES,
    tailBytes: 0,
    termGraceMs: TERM_GRACE_MS,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (options.signal?.aborted === true) {
    throw new OrchestratorError('CANCELLED', 'Python analysis was cancelled.', {
      cause: options.signal.reason,
    });
  }
  const data = { pythonPath: options.pythonPath };
  if (result.exit.kind === 'spawn-failed') {
    throw new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `Could not run ${options.pythonPath}: ${result.exit.reason}. Pass pythonPath or install python3.`,
      { data },
    );
  }
  if (result.exitCode !== 0 || result.outputTruncated) {
    const status = result.outputTruncated
      ? `printed more than ${MAX_OUTPUT_BYTES} bytes`
      : `failed with exit code ${result.exitCode}`;
    throw new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `Python analysis script ${status}: ${result.stderr.trim().slice(-800)}`,
      { data },
    );
  }
  try {
    return JSON.parse(result.stdout) as T;
  } catch (error) {
    throw new OrchestratorError(
      'LANGUAGE_SERVER_FAILED',
      `Python analysis script printed invalid JSON: ${(error as Error).message}`,
      { cause: error, data },
    );
  }
}
