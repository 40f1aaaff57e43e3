import { convertPromisesLanguageHalf } from './convert-promises/languages.js';
import type { LanguageHalf } from './language-half.js';
import { makeAsyncLanguageHalf } from './make-async/languages.js';
import { moveLanguageHalf } from './move/languages.js';
import { renameLanguageHalf } from './rename/languages.js';

/** Every transform's language half, by kind (used only inside the dependency_graph server). */
export const LANGUAGE_HALVES: Readonly<Record<string, LanguageHalf>> = {
  rename: renameLanguageHalf,
  make_async: makeAsyncLanguageHalf,
  move: moveLanguageHalf,
  convert_promises: convertPromisesLanguageHalf,
};
