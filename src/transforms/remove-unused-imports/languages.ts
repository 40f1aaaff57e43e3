import type { LanguageHalf } from '../language-half.js';
import { removeUnusedImportsArgsSchema } from './contract.js';
import { computeRemoveUnusedImportsPython } from './edits.python.js';
import { computeRemoveUnusedImportsTypeScript } from './edits.typescript.js';

/** remove_unused_imports' language half: organize imports (TS/JS), pyright's unused imports (Python). */
export const removeUnusedImportsLanguageHalf: LanguageHalf = {
  kind: 'remove_unused_imports',
  argsSchema: removeUnusedImportsArgsSchema,
  typescript: (project, target, args, signal) =>
    computeRemoveUnusedImportsTypeScript(
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
