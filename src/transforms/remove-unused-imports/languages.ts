import type { LanguageHalf } from '../language-half.js';
import { removeUnusedImportsArgsSchema } from './contract.js';
import { computeRemoveUnusedImportsPython } from './edits.python.js';

/** remove_unused_imports' language half: organize imports (TS/JS), pyright's unused imports (Python). */
export const removeUnusedImportsLanguageHalf: LanguageHalf = {
  kind: 'remove_unused_imports',
  argsSchema: removeUnusedImportsArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args, signal) =>
    (await import('./edits.typescript.js')).computeRemoveUnusedImportsTypeScript(
      project,
      target,
      removeUnusedImportsArgsSchema.parse(args),
      signal,
    ),
  python: (workspace, target, args, signal) =>
    computeRemoveUnusedImportsPython(
      workspace,
      target,
      removeUnusedImportsArgsSchema.parse(args),
      signal,
    ),
};
