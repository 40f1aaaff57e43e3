import type { IntentBase } from '../core/intent.js';
import type { SymbolDefinition } from '../core/source-types.js';
import { narrowConvertPromisesIntent } from './convert-promises/narrow-intent.js';
import { narrowMoveIntent } from './move/narrow-intent.js';
import { narrowRenameIntent } from './rename/narrow-intent.js';
import { narrowSignatureIntent } from './shared/parameters/narrow-intent.js';

type Narrow = (intent: IntentBase, candidate: SymbolDefinition) => IntentBase | undefined;

/**
 * For the kinds whose symbol can be ambiguous (`SYMBOL_AMBIGUOUS`): the intent that names one
 * candidate alone, or undefined when the kind's commands cannot tell it apart. Pure, and loaded
 * without the transforms, so the CLI can print a ready command per candidate.
 */
export const INTENT_NARROWERS: Readonly<Record<string, Narrow>> = {
  rename: narrowRenameIntent as Narrow,
  move: narrowMoveIntent as Narrow,
  add_parameter: narrowSignatureIntent as Narrow,
  remove_parameter: narrowSignatureIntent as Narrow,
  convert_promises: narrowConvertPromisesIntent as Narrow,
};
