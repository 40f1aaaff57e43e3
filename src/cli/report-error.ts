import { toErrorExitCode } from './exit-codes.js';

/**
 * Prints a thrown error (`error [CODE]: message` on stderr; with `json`, also
 * `{"success": false, "error": …}` on stdout) and sets the exit code: 2 for bad input, else 1.
 */
export function reportError(error: unknown, debug: boolean, json = false): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ success: false, error: { code, message } }, null, 2)}\n`,
    );
  process.stderr.write(`error${typeof code === 'string' ? ` [${code}]` : ''}: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = toErrorExitCode(error);
}
