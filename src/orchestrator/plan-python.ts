import path from 'node:path';
import { findPythonInterpreter } from '../vcs/link-dependencies.js';

/**
 * The Python interpreter as PLAN records it for the checkout at `root`: the checkout's
 * `.venv`/`venv` interpreter relative to the root (the worktree links the same environment in),
 * else `python3`.
 */
export async function resolvePlanPython(root: string): Promise<string> {
  const python = await findPythonInterpreter(root);
  return path.isAbsolute(python) && python.startsWith(`${root}${path.sep}`)
    ? path.relative(root, python)
    : python;
}
