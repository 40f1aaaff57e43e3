import { OrchestratorError } from '../../core/errors.js';
import { validateSignatureNames } from '../shared/parameters/validate-names.js';
import type { AddParameterIntent } from './intent.js';

/**
 * Refuses, before any server starts: a bad function or parameter name, and a parameter with
 * neither a default nor a value for the calls (the calls would break). Whether the default,
 * type and value are source code of the language is the language half's to say, in LOGIC.
 */
export function validateAddParameterIntent(intent: AddParameterIntent): void {
  validateSignatureNames(intent);
  if (intent.default === undefined && intent.value === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Adding "${intent.name}" to ${intent.function} needs a default or a value for the calls to pass, or every call breaks. Write "add parameter ${intent.name}=<default> to ${intent.function}" or "add parameter ${intent.name} to ${intent.function} and pass <value>".`,
      { data: { function: intent.function, name: intent.name } },
    );
  }
}
