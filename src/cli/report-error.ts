import { toErrorExitCode } from './exit-codes.js';

/**
 * Prints a thrown error (`error [CODE]: message` on stderr; with `json`, also
 * `{"success": false, "error": {code, message, data}}` on stdout) and sets the exit code: 2 for bad input, else 1.
 */
export function reportError(error: unknown, debug: boolean, json = false): void {
  const message = error instanceof Error ? error.message : String(error);
  const { code, data } = (error ?? {}) as { code?: unknown; data?: unknown };
  if (json) {
    const hasData = typeof data === 'object' && data !== null && Object.keys(data).length > 0;
    const body = { success: false, error: { code, message, ...(hasData ? { data } : {}) } };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  process.stderr.write(`error${typeof code === 'string' ? ` [${code}]` : ''}: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = toErrorExitCode(error);
}
