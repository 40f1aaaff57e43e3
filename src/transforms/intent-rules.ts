import type { IntentBase } from '../core/intent.js';
import type { SymbolDefinition } from '../core/source-types.js';
import { validateAddParameterIntent } from './add-parameter/validate-intent.js';
import { narrowConvertPromisesIntent } from './convert-promises/narrow-intent.js';
import { validateConvertPromisesIntent } from './convert-promises/validate-intent.js';
import type { MakeAsyncIntent } from './make-async/intent.js';
import { makeAsyncNamedPaths } from './make-async/named-paths.js';
import { validateMakeAsyncIntent } from './make-async/validate-intent.js';
import type { MoveIntent } from './move/intent.js';
import { moveNamedPaths, toMovedQuery } from './move/named.js';
import { narrowMoveIntent } from './move/narrow-intent.js';
import { validateMoveIntent } from './move/validate-intent.js';
import { validateRemoveParameterIntent } from './remove-parameter/validate-intent.js';
import { validateRemoveUnusedImportsIntent } from './remove-unused-imports/validate-intent.js';
import type { RenameIntent } from './rename/intent.js';
import { narrowRenameIntent } from './rename/narrow-intent.js';
import { toSymbolQuery } from './rename/symbol-query.js';
import { validateRenameIntent } from './rename/validate-intent.js';
import { validateReplaceCallsIntent } from './replace-calls/validate-intent.js';
import { narrowSignatureIntent } from './shared/parameters/narrow-intent.js';
import { toFunctionQuery } from './shared/parameters/resolve-function.js';
import type { SymbolQuery } from './shared/resolve-symbol.js';
import { type NamedPath, scopePaths } from './transform.js';

/** The function an add/remove-parameter command names. */
function functionNamed(intent: IntentBase): SymbolQuery[] {
  return [toFunctionQuery((intent as IntentBase & { function: string }).function)];
}

type Validate = (intent: IntentBase) => void;
type Narrow = (intent: IntentBase, candidate: SymbolDefinition) => IntentBase | undefined;
type NamedPaths = (intent: IntentBase) => readonly NamedPath[];
type NamedSymbols = (intent: IntentBase) => readonly SymbolQuery[];

/** What the command line knows of a transform without loading it (or zod). */
export interface IntentRules {
  /** The transform's own `validateIntent` (invalid, reserved or unchanged names, …). */
  readonly validate: Validate;
  /**
   * For a kind whose symbol can be ambiguous (`SYMBOL_AMBIGUOUS`): the intent that names one
   * candidate alone, or undefined when the kind's commands cannot tell it apart.
   */
  readonly narrow?: Narrow;
  /** The transform's own `namedPaths`: paths the command names, which must exist. */
  readonly namedPaths?: NamedPaths;
  /**
   * The symbols its `search` asks MAP to refuse when undeclared (`SearchRequest.symbols`), so
   * that a name no tracked file mentions is refused before anything loads.
   */
  readonly namedSymbols?: NamedSymbols;
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
    namedPaths: (intent) => scopePaths(intent as RenameIntent),
    namedSymbols: (intent) => [toSymbolQuery(intent as RenameIntent)],
  },
  make_async: {
    validate: validateMakeAsyncIntent as Validate,
    namedPaths: (intent) => makeAsyncNamedPaths(intent as MakeAsyncIntent),
  },
  move: {
    validate: validateMoveIntent as Validate,
    narrow: narrowMoveIntent as Narrow,
    namedPaths: (intent) => moveNamedPaths(intent as MoveIntent),
    namedSymbols: (intent) => [toMovedQuery(intent as MoveIntent)],
  },
  add_parameter: {
    validate: validateAddParameterIntent as Validate,
    narrow: narrowSignatureIntent as Narrow,
    namedSymbols: functionNamed,
  },
  remove_parameter: {
    validate: validateRemoveParameterIntent as Validate,
    narrow: narrowSignatureIntent as Narrow,
    namedSymbols: functionNamed,
  },
  replace_calls: { validate: validateReplaceCallsIntent as Validate },
  remove_unused_imports: {
    validate: validateRemoveUnusedImportsIntent as Validate,
    namedPaths: (intent) => scopePaths(intent as IntentBase & { scope?: string }),
  },
  convert_promises: {
    validate: validateConvertPromisesIntent as Validate,
    narrow: narrowConvertPromisesIntent as Narrow,
    namedPaths: (intent) => scopePaths(intent as IntentBase & { scope?: string }),
  },
};

/** The kinds of change that have a transform, in registry order. */
export const TRANSFORM_KINDS: readonly string[] = Object.keys(INTENT_RULES);
