import { OrchestratorError } from '../../core/errors.js';
import type { ConvertPromisesIntent } from './intent.js';

const QUALIFIED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/;
const PYTHON = /\.pyi?$/;

/** Refuses a path that is absolute or climbs out of the repository. */
function refuseOutside(path: string): void {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.split(/[\\/]/).includes('..')) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `${path} is not a path inside the repository: give it relative to the repository root.`,
      { data: { path } },
    );
  }
}

/** The refusal of a Python path: there are no promise chains to convert there. */
export function pythonPathError(path: string): OrchestratorError {
  return new OrchestratorError(
    'BAD_INPUT',
    `${path} is Python: "convert promise chains to async/await" works on JavaScript and TypeScript only (Python has no .then/.catch chains). To make Python functions coroutines, use "make <name> async".`,
    { data: { path } },
  );
}

/**
 * Refuses, before any server starts: a path outside the repository, a Python path, and a
 * function name that cannot name a function (`name` or `Class.name`).
 */
export function validateConvertPromisesIntent(intent: ConvertPromisesIntent): void {
  if (intent.targetKind === 'path') {
    refuseOutside(intent.target);
    if (PYTHON.test(intent.target)) throw pythonPathError(intent.target);
    return;
  }
  if (!QUALIFIED.test(intent.target)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${intent.target.slice(0, 80)}" is not a function name (write \`name\` or \`Class.name\`) nor a path (write \`src/\` or \`src/api.ts\`).`,
      { data: { target: intent.target.slice(0, 80) } },
    );
  }
  if (intent.scope !== undefined) {
    refuseOutside(intent.scope);
    if (PYTHON.test(intent.scope)) throw pythonPathError(intent.scope);
  }
}
