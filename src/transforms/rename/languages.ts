import type { LanguageHalf } from '../language-half.js';
import { computeRenameTypeScript } from './compute.typescript.js';
import { renameArgsSchema } from './contract.js';
import { computeRenamePython } from './edits.python.js';

/** rename's language half: the edits, collisions and references from each language server. */
export const renameLanguageHalf: LanguageHalf = {
  kind: 'rename',
  argsSchema: renameArgsSchema,
  typescript: (project, target, args, signal) =>
    computeRenameTypeScript(project, target, renameArgsSchema.parse(args), signal),
  python: (workspace, target, args, signal) =>
    computeRenamePython(workspace, target, renameArgsSchema.parse(args), signal),
};
