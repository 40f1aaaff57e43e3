import type { LanguageHalf } from '../language-half.js';
import { renameArgsSchema } from './contract.js';
import { computeRenamePython } from './edits.python.js';

/** rename's language half: the edits, collisions and references from each language server. */
export const renameLanguageHalf: LanguageHalf = {
  kind: 'rename',
  argsSchema: renameArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args, signal) =>
    (await import('./compute.typescript.js')).computeRenameTypeScript(
      project,
      target,
      renameArgsSchema.parse(args),
      signal,
    ),
  python: (workspace, target, args, signal) =>
    computeRenamePython(workspace, target, renameArgsSchema.parse(args), signal),
};
