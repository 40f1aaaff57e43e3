import type { LanguageHalf } from '../language-half.js';
import { addParameterArgsSchema } from './contract.js';
import { computeAddParameterPython } from './edits.python.js';

/** add_parameter's language half: the family, edits and problems from each language server. */
export const addParameterLanguageHalf: LanguageHalf = {
  kind: 'add_parameter',
  argsSchema: addParameterArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args) =>
    (await import('./edits.typescript.js')).computeAddParameterTypeScript(
      project,
      target,
      addParameterArgsSchema.parse(args),
    ),
  python: (workspace, target, args, signal) =>
    computeAddParameterPython(workspace, target, addParameterArgsSchema.parse(args), signal),
};
