import { validateSignatureNames } from '../shared/parameters/validate-names.js';
import type { RemoveParameterIntent } from './intent.js';

/** Refuses, before any server starts, a function that is not `name`/`Class.name` and a bad parameter name. */
export function validateRemoveParameterIntent(intent: RemoveParameterIntent): void {
  validateSignatureNames(intent);
}
