import type { IntentBase } from '../core/intent.js';
import { ADD_PARAMETER_GRAMMAR } from '../transforms/add-parameter/forms.js';
import type { KindGrammar } from '../transforms/command-grammar.js';
import { CONVERT_PROMISES_GRAMMAR } from '../transforms/convert-promises/forms.js';
import { MAKE_ASYNC_GRAMMAR } from '../transforms/make-async/forms.js';
import { MOVE_GRAMMAR } from '../transforms/move/forms.js';
import { REMOVE_PARAMETER_GRAMMAR } from '../transforms/remove-parameter/forms.js';
import { REMOVE_UNUSED_IMPORTS_GRAMMAR } from '../transforms/remove-unused-imports/forms.js';
import { RENAME_GRAMMAR } from '../transforms/rename/forms.js';
import { REPLACE_CALLS_GRAMMAR } from '../transforms/replace-calls/forms.js';

/** Every kind's command forms (each from its transform's folder), in the order they are tried. */
export const GRAMMARS: readonly KindGrammar<IntentBase>[] = [
  RENAME_GRAMMAR,
  MAKE_ASYNC_GRAMMAR,
  REPLACE_CALLS_GRAMMAR,
  ADD_PARAMETER_GRAMMAR,
  REMOVE_PARAMETER_GRAMMAR,
  MOVE_GRAMMAR,
  REMOVE_UNUSED_IMPORTS_GRAMMAR,
  CONVERT_PROMISES_GRAMMAR,
] as readonly KindGrammar<IntentBase>[];
