import { OrchestratorError } from '../../../core/errors.js';
import { FUNCTION_NAME } from './resolve-function.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Words reserved in Python and in JavaScript alike: no language could take them as a name. */
const RESERVED_EVERYWHERE = new Set(
  'await break class continue else finally for if import in return try while with yield'.split(' '),
);

/**
 * Refuses, before any server starts, a function that is not `name` or `Class.name` and a
 * parameter name no language could take. (Each language's own reserved words are its half's.)
 */
export function validateSignatureNames(intent: { function: string; name: string }): void {
  if (!FUNCTION_NAME.test(intent.function)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${intent.function.slice(0, 80)}" is not a function name: write \`name\` or \`Class.name\`.`,
      { data: { function: intent.function.slice(0, 80) } },
    );
  }
  if (!IDENTIFIER.test(intent.name) || RESERVED_EVERYWHERE.has(intent.name)) {
    const shown = intent.name.length > 80 ? `${intent.name.slice(0, 80)}…` : intent.name;
    throw new OrchestratorError(
      'INVALID_IDENTIFIER',
      `"${shown}" cannot name a parameter${RESERVED_EVERYWHERE.has(intent.name) ? ': it is a reserved word' : ''}. Use letters, digits and "_" (not starting with a digit).`,
      { data: { name: shown } },
    );
  }
}
