import type { LanguageHalf } from '../language-half.js';
import { removeParameterArgsSchema } from './contract.js';
import { computeRemoveParameterPython } from './edits.python.js';

/** remove_parameter's language half: the family, edits and problems from each language server. */
export const removeParameterLanguageHalf: LanguageHalf = {
  kind: 'remove_parameter',
  argsSchema: removeParameterArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args) =>
    (await import('./edits.typescript.js')).computeRemoveParameterTypeScript(
      project,
      target,
      removeParameterArgsSchema.parse(args),
    ),
  python: (workspace, target, args, signal) =>
    computeRemoveParameterPython(workspace, target, removeParameterArgsSchema.parse(args), signal),
};
