import { isOrchestratorError } from '../../core/errors.js';
import { runPythonScript } from '../../lang/python/engine/run-python-script.js';

/** The interpreter tried after the workspace's own: Debian's, where `python3-rope` installs. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const PROBE = 'import json, sys, rope; sys.stdout.write(json.dumps(rope.VERSION))';

/** An interpreter that can import rope, and rope's version there. */
export interface RopeInterpreter {
  pythonPath: string;
  version: string;
}

const found = new Map<string, Promise<RopeInterpreter | undefined>>();

async function probe(pythonPath: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const version = await runPythonScript<unknown>(PROBE, null, {
      pythonPath,
      cwd: process.cwd(),
      ...(signal ? { signal } : {}),
    });
    return typeof version === 'string' ? version : undefined;
  } catch (error) {
    if (signal?.aborted === true || isOrchestratorError(error, 'CANCELLED')) throw error;
    return undefined;
  }
}

/** The interpreters tried for rope, in order: the workspace's, then {@link SYSTEM_PYTHON}. */
export function ropeCandidates(workspacePython: string): string[] {
  return [...new Set([workspacePython, SYSTEM_PYTHON])];
}

/**
 * The first of `candidates` that has rope, or undefined when none does. Kept for the process's
 * life per list of candidates.
 */
export function findRopeInterpreter(
  candidates: readonly string[],
  signal?: AbortSignal,
): Promise<RopeInterpreter | undefined> {
  const key = candidates.join('\0');
  let known = found.get(key);
  if (known === undefined) {
    known = (async () => {
      for (const pythonPath of candidates) {
        const version = await probe(pythonPath, signal);
        if (version !== undefined) return { pythonPath, version };
      }
      return undefined;
    })();
    found.set(key, known);
    known.catch(() => found.delete(key));
  }
  return known;
}

/** The refusal when no interpreter has rope, naming what was tried and what to install. */
export function ropeMissingMessage(candidates: readonly string[]): string {
  const tried = candidates.join(' or ');
  return `rope is not installed for ${tried}: install python3-rope (Debian) or pip install rope. Moving Python code needs rope, the Python refactoring library.`;
}
