import type { LanguageHalf } from './language-half.js';
import { removeUnusedImportsLanguageHalf } from './remove-unused-imports/languages.js';
import { renameLanguageHalf } from './rename/languages.js';
import { replaceCallsLanguageHalf } from './replace-calls/languages.js';

/** Every transform's language half, by kind (used only inside the dependency_graph server). */
export const LANGUAGE_HALVES: Readonly<Record<string, LanguageHalf>> = {
  rename: renameLanguageHalf,
  replace_calls: replaceCallsLanguageHalf,
  remove_unused_imports: removeUnusedImportsLanguageHalf,
};
