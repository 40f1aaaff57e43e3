import { addParameterLanguageHalf } from './add-parameter/languages.js';
import { convertPromisesLanguageHalf } from './convert-promises/languages.js';
import type { LanguageHalf } from './language-half.js';
import { makeAsyncLanguageHalf } from './make-async/languages.js';
import { moveLanguageHalf } from './move/languages.js';
import { removeParameterLanguageHalf } from './remove-parameter/languages.js';
import { removeUnusedImportsLanguageHalf } from './remove-unused-imports/languages.js';
import { renameLanguageHalf } from './rename/languages.js';
import { replaceCallsLanguageHalf } from './replace-calls/languages.js';

/** Every transform's language half, by kind (used only inside the dependency_graph server). */
export const LANGUAGE_HALVES: Readonly<Record<string, LanguageHalf>> = {
  rename: renameLanguageHalf,
  make_async: makeAsyncLanguageHalf,
  move: moveLanguageHalf,
  add_parameter: addParameterLanguageHalf,
  remove_parameter: removeParameterLanguageHalf,
  replace_calls: replaceCallsLanguageHalf,
  remove_unused_imports: removeUnusedImportsLanguageHalf,
  convert_promises: convertPromisesLanguageHalf,
};
