import { OrchestratorError } from '../../core/errors.js';
import type { ReplaceCallsIntent } from './intent.js';

const DOTTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** Words reserved in Python and in JavaScript alike: no function has them as its name. */
const RESERVED_EVERYWHERE = new Set(
  'await break class continue else finally for if import in return try while with yield'.split(' '),
);

/**
 * Refuses, before any server starts, names that cannot name a function (`name` or dotted
 * `module.name`) and a replacement of a function by itself.
 */
export function validateReplaceCallsIntent(intent: ReplaceCallsIntent): void {
  for (const [role, name] of [
    ['old', intent.from],
    ['new', intent.to],
  ] as const) {
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    if (!DOTTED.test(name)) {
      throw new OrchestratorError(
        'INVALID_IDENTIFIER',
        `The ${role} function "${shown}" is not a name: write \`name\` or a dotted \`module.name\`.`,
        { data: { name: shown } },
      );
    }
    const reserved = name.split('.').find((part) => RESERVED_EVERYWHERE.has(part));
    if (reserved !== undefined) {
      throw new OrchestratorError(
        'INVALID_IDENTIFIER',
        `The ${role} function "${shown}" uses "${reserved}", a reserved word in Python and in JavaScript.`,
        { data: { name: shown } },
      );
    }
  }
  if (intent.from === intent.to) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `"${intent.from}" would be replaced by itself: nothing to do.`,
      { data: { name: intent.from } },
    );
  }
}
