import { OrchestratorError } from '../../../core/errors.js';

/** Python 3 hard keywords: never valid as a name. */
const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** A Python identifier (PEP 3131, approximated by Unicode ID_Start / ID_Continue). */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/** True when `name` can name a Python variable, function or class. */
export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name.normalize('NFKC')) && !PYTHON_KEYWORDS.has(name);
}

/** Throws `INVALID_IDENTIFIER` naming `name` unless it is a valid, non-keyword Python name. */
export function validatePythonIdentifier(name: string): void {
  if (isPythonIdentifier(name)) return;
  const why = PYTHON_KEYWORDS.has(name)
    ? 'it is a Python keyword'
    : 'it is not a Python identifier';
  throw new OrchestratorError(
    'INVALID_IDENTIFIER',
    `Cannot rename to ${JSON.stringify(name)}: ${why}. Choose a name such as "record_entry".`,
    { data: { name, language: 'python' } },
  );
}
