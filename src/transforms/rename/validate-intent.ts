import { OrchestratorError } from '../../core/errors.js';
import type { RenameIntent } from './intent.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Words reserved in Python and in JavaScript alike: no language could take them as a name. */
const RESERVED_EVERYWHERE = new Set(
  'await break class continue else finally for if import in return try while with yield'.split(' '),
);

/**
 * Refuses, before any server starts, a new name that cannot be an identifier in either
 * language and a rename to the same name. (Reserved words and collisions are each language's
 * to judge, in LOGIC.)
 */
export function validateRenameIntent(intent: RenameIntent): void {
  if (!IDENTIFIER.test(intent.to)) {
    const shown = intent.to.length > 80 ? `${intent.to.slice(0, 80)}…` : intent.to;
    throw new OrchestratorError(
      'INVALID_IDENTIFIER',
      `The new name "${shown}" is not a valid identifier. Use letters, digits and "_" (not starting with a digit).`,
      { data: { name: shown } },
    );
  }
  if (RESERVED_EVERYWHERE.has(intent.to)) {
    throw new OrchestratorError(
      'INVALID_IDENTIFIER',
      `The new name "${intent.to}" is a reserved word in Python and in JavaScript. Pick another name.`,
      { data: { name: intent.to } },
    );
  }
  if (intent.from === intent.to) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `"${intent.from}" is already called "${intent.to}": nothing to rename.`,
      { data: { name: intent.from } },
    );
  }
}
