import type { IntentBase } from '../core/intent.js';
import { validateAddParameterIntent } from './add-parameter/validate-intent.js';
import { validateConvertPromisesIntent } from './convert-promises/validate-intent.js';
import { validateMakeAsyncIntent } from './make-async/validate-intent.js';
import { validateMoveIntent } from './move/validate-intent.js';
import { validateRemoveParameterIntent } from './remove-parameter/validate-intent.js';
import { validateRemoveUnusedImportsIntent } from './remove-unused-imports/validate-intent.js';
import { validateRenameIntent } from './rename/validate-intent.js';
import { validateReplaceCallsIntent } from './replace-calls/validate-intent.js';

type Validate = (intent: IntentBase) => void;

/**
 * Each transform's `validateIntent` (invalid, reserved or unchanged names, …), by kind, without
 * loading the transforms themselves: the grammar refuses bad commands this fast. A unit test
 * keeps it equal to `TRANSFORMS[kind].validateIntent`.
 */
export const INTENT_VALIDATORS: Readonly<Record<string, Validate>> = {
  rename: validateRenameIntent as Validate,
  make_async: validateMakeAsyncIntent as Validate,
  move: validateMoveIntent as Validate,
  add_parameter: validateAddParameterIntent as Validate,
  remove_parameter: validateRemoveParameterIntent as Validate,
  replace_calls: validateReplaceCallsIntent as Validate,
  remove_unused_imports: validateRemoveUnusedImportsIntent as Validate,
  convert_promises: validateConvertPromisesIntent as Validate,
};
