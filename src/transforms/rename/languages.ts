import { defineLanguageHalf } from '../language-half.js';
import { renameArgsSchema } from './contract.js';
import { computeRenamePython } from './edits.python.js';

/** rename's language half: the edits, collisions and references from each language server. */
export const renameLanguageHalf = defineLanguageHalf({
  kind: 'rename',
  argsSchema: renameArgsSchema,
  loadTypeScript: async () => (await import('./compute.typescript.js')).computeRenameTypeScript,
  python: computeRenamePython,
});
