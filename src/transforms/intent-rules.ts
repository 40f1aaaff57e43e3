import type { IntentBase } from '../core/intent.js';
import type { SymbolDefinition } from '../core/source-types.js';
import { validateAddParameterIntent } from './add-parameter/validate-intent.js';
import { narrowConvertPromisesIntent } from './convert-promises/narrow-intent.js';
import { validateConvertPromisesIntent } from './convert-promises/validate-intent.js';
import { validateMakeAsyncIntent } from './make-async/validate-intent.js';
import { narrowMoveIntent } from './move/narrow-intent.js';
import { validateMoveIntent } from './move/validate-intent.js';
import { validateRemoveParameterIntent } from './remove-parameter/validate-intent.js';
import { validateRemoveUnusedImportsIntent } from './remove-unused-imports/validate-intent.js';
import { narrowRenameIntent } from './rename/narrow-intent.js';
import { validateRenameIntent } from './rename/validate-intent.js';
import { validateReplaceCallsIntent } from './replace-calls/validate-intent.js';
import { narrowSignatureIntent } from './shared/parameters/narrow-intent.js';

type Validate = (intent: IntentBase) => void;
type Narrow = (intent: IntentBase, candidate: SymbolDefinition) => IntentBase | undefined;

/** What the command line knows of a transform without loading it (or zod). */
export interface IntentRules {
  /** The transform's own `validateIntent` (invalid, reserved or unchanged names, …). */
  readonly validate: Validate;
  /**
   * For a kind whose symbol can be ambiguous (`SYMBOL_AMBIGUOUS`): the intent that names one
   * candidate alone, or undefined when the kind's commands cannot tell it apart.
   */
  readonly narrow?: Narrow;
}

/**
 * Each transform's intent rules, by kind, in registry order: pure functions loaded without the
 * transforms, so the grammar refuses bad commands fast and the CLI prints a ready command per
 * candidate. A unit test keeps the kinds and validators equal to `TRANSFORMS` in registry.ts.
 */
export const INTENT_RULES: Readonly<Record<string, IntentRules>> = {
  rename: {
    validate: validateRenameIntent as Validate,
    narrow: narrowRenameIntent as Narrow,
  },
  make_async: { validate: validateMakeAsyncIntent as Validate },
  move: { validate: validateMoveIntent as Validate, narrow: narrowMoveIntent as Narrow },
  add_parameter: {
    validate: validateAddParameterIntent as Validate,
    narrow: narrowSignatureIntent as Narrow,
  },
  remove_parameter: {
    validate: validateRemoveParameterIntent as Validate,
    narrow: narrowSignatureIntent as Narrow,
  },
  replace_calls: { validate: validateReplaceCallsIntent as Validate },
  remove_unused_imports: { validate: validateRemoveUnusedImportsIntent as Validate },
  convert_promises: {
    validate: validateConvertPromisesIntent as Validate,
    narrow: narrowConvertPromisesIntent as Narrow,
  },
};

/** The kinds of change that have a transform, in registry order. */
export const TRANSFORM_KINDS: readonly string[] = Object.keys(INTENT_RULES);
