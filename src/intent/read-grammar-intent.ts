import { OrchestratorError } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import { INTENT_RULES } from '../transforms/intent-rules.js';
import { GRAMMARS } from './all-grammars.js';
import { SUPPORTED_FORMS } from './command-forms.js';
import { type CompiledGrammars, compileGrammars } from './grammar/compile-grammars.js';
import { readCommand } from './grammar/read-command.js';
import { normaliseCommand } from './grammar/tokenize.js';

/** The longest command read; longer text is refused before anything else. */
export const MAX_COMMAND_LENGTH = 2_000;

let compiled: CompiledGrammars | undefined;

/** Every kind's grammar, compiled once per process. */
export function compiledGrammars(): CompiledGrammars {
  compiled ??= compileGrammars(GRAMMARS);
  return compiled;
}

/**
 * What the grammar reads in a command, refused by its transform's own checks (invalid,
 * reserved or unchanged names, …) but not yet by its schema: no zod loads here, so a refused
 * command answers fast. `parseIntent` goes on to the schema. Throws `INTENT_UNRECOGNISED`
 * naming what could not be placed, or the transform's refusal.
 */
export function readGrammarIntent(command: string): IntentBase {
  if (command.length > MAX_COMMAND_LENGTH) {
    throw new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `The command is ${command.length} characters long; commands are at most ${MAX_COMMAND_LENGTH}. It starts ${JSON.stringify(command.slice(0, 80))}…`,
      { data: { length: command.length, reason: 'too-long' } },
    );
  }
  const { intent } = readCommand(normaliseCommand(command), compiledGrammars(), SUPPORTED_FORMS);
  INTENT_RULES[intent.kind]?.validate(intent);
  return intent;
}
