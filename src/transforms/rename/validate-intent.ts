import { OrchestratorError } from '../../core/errors.js';
import type { RenameIntent } from './intent.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

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
  if (intent.from === intent.to) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `"${intent.from}" is already called "${intent.to}": nothing to rename.`,
      { data: { name: intent.from } },
    );
  }
}
