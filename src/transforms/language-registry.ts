import type { LanguageHalf } from './language-half.js';
import { removeUnusedImportsLanguageHalf } from './remove-unused-imports/languages.js';
import { renameLanguageHalf } from './rename/languages.js';

/** Every transform's language half, by kind (used only inside the dependency_graph server). */
export const LANGUAGE_HALVES: Readonly<Record<string, LanguageHalf>> = {
  rename: renameLanguageHalf,
  remove_unused_imports: removeUnusedImportsLanguageHalf,
};
