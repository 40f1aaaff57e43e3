import { OrchestratorError } from '../../core/errors.js';
import type { MoveIntent } from './intent.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const PYTHON = /\.pyi?$/;
const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** `python`, `typescript` or undefined for a path no move can write. */
export function moveLanguageOf(path: string): 'python' | 'typescript' | undefined {
  if (PYTHON.test(path)) return 'python';
  if (SCRIPT.test(path)) return 'typescript';
  return undefined;
}

function refusePath(path: string, field: 'from' | 'to'): void {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split(/[\\/]/).includes('..')) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `${path} is not a path inside the repository: give the ${field === 'to' ? 'target' : 'source'} module relative to the repository root.`,
      { data: { path, field } },
    );
  }
  if (path.endsWith('/') || moveLanguageOf(path) === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${path} is not a module a move can ${field === 'to' ? 'write' : 'read'}: name a .py file or a .ts/.tsx/.js/.jsx/.mjs/.cjs file.`,
      { data: { path, field } },
    );
  }
  if (
    field === 'to' &&
    moveLanguageOf(path) === 'python' &&
    !path.split('/').every((part) => /^[A-Za-z_]\w*(?:\.pyi?)?$/.test(part))
  ) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${path} cannot be imported as a Python module: every folder and the file name must be identifiers (letters, digits, "_").`,
      { data: { path, field } },
    );
  }
}

/**
 * Refuses, before any server starts: a name that is no identifier, paths outside the
 * repository or of no language a move writes, a move between languages, and a move into the
 * module it comes from.
 */
export function validateMoveIntent(intent: MoveIntent): void {
  if (!IDENTIFIER.test(intent.symbol)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${intent.symbol}" is not a name a move can take: write the function, class or variable name (\`post_entry\`, \`Ledger\`).`,
      { data: { symbol: intent.symbol } },
    );
  }
  refusePath(intent.to, 'to');
  if (intent.from === undefined) return;
  refusePath(intent.from, 'from');
  if (moveLanguageOf(intent.from) !== moveLanguageOf(intent.to)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${intent.symbol} cannot move from ${intent.from} to ${intent.to}: a move stays within one language.`,
      { data: { from: intent.from, to: intent.to } },
    );
  }
  if (intent.from === intent.to) {
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `${intent.symbol} is already in ${intent.to}: moving it into the module it is in changes nothing. Name another module.`,
      { data: { symbol: intent.symbol, module: intent.to } },
    );
  }
}
