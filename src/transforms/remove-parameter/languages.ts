import type { LanguageHalf } from '../language-half.js';
import { removeParameterArgsSchema } from './contract.js';
import { computeRemoveParameterPython } from './edits.python.js';
import { computeRemoveParameterTypeScript } from './edits.typescript.js';

/** remove_parameter's language half: the family, edits and problems from each language server. */
export const removeParameterLanguageHalf: LanguageHalf = {
  kind: 'remove_parameter',
  argsSchema: removeParameterArgsSchema,
  typescript: (project, target, args) =>
    computeRemoveParameterTypeScript(project, target, removeParameterArgsSchema.parse(args)),
  python: (workspace, target, args, signal) =>
    computeRemoveParameterPython(workspace, target, removeParameterArgsSchema.parse(args), signal),
};
