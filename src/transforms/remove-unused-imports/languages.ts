import { defineLanguageHalf } from '../language-half.js';
import { removeUnusedImportsArgsSchema } from './contract.js';
import { computeRemoveUnusedImportsPython } from './edits.python.js';

/** remove_unused_imports' language half: organize imports (TS/JS), pyright's unused imports (Python). */
export const removeUnusedImportsLanguageHalf = defineLanguageHalf({
  kind: 'remove_unused_imports',
  argsSchema: removeUnusedImportsArgsSchema,
  loadTypeScript: async () =>
    (await import('./edits.typescript.js')).computeRemoveUnusedImportsTypeScript,
  python: computeRemoveUnusedImportsPython,
});
