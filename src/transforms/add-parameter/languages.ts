import type { LanguageHalf } from '../language-half.js';
import { addParameterArgsSchema } from './contract.js';
import { computeAddParameterPython } from './edits.python.js';
import { computeAddParameterTypeScript } from './edits.typescript.js';

/** add_parameter's language half: the family, edits and problems from each language server. */
export const addParameterLanguageHalf: LanguageHalf = {
  kind: 'add_parameter',
  argsSchema: addParameterArgsSchema,
  typescript: (project, target, args) =>
    computeAddParameterTypeScript(project, target, addParameterArgsSchema.parse(args)),
  python: (workspace, target, args, signal) =>
    computeAddParameterPython(workspace, target, addParameterArgsSchema.parse(args), signal),
};
