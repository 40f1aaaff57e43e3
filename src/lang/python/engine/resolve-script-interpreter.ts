import path from 'node:path';
import { runProcess } from '../../../process/index.js';

/** Longest wait for the interpreter to say where it is. */
const RESOLVE_TIMEOUT_MS = 10_000;

const WHERE_AM_I = 'import sys; sys.stdout.write(sys.executable)';

/**
 * The executable an analysis script should run: what `pythonPath` resolves to when started in
 * `root` (`sys.executable`). A version manager's shim on PATH (pyenv, asdf) is a shell script
 * that picks the version for `root` and costs ~0.3 s per start, which a rename's half-dozen
 * scripts paid every time; the executable it chose starts in ~0.05 s. The scripts run with
 * `-I`, so the shim's environment changes are not needed. Falls back to `pythonPath` itself
 * when it cannot run or does not say (the script then reports the failure as before). Shared
 * by every script of a workspace, so it takes no caller's signal; the deadline bounds it.
 */
export async function resolveScriptInterpreter(pythonPath: string, root: string): Promise<string> {
  const result = await runProcess([pythonPath, '-I', '-c', WHERE_AM_I], {
    cwd: root,
    timeoutMs: RESOLVE_TIMEOUT_MS,
    maxOutputBytes: 64 * 1024,
    tailBytes: 0,
  });
  const found = result.stdout.trim();
  return result.exitCode === 0 && path.isAbsolute(found) ? found : pythonPath;
}
