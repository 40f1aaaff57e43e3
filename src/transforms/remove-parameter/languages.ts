import { defineLanguageHalf } from '../language-half.js';
import { removeParameterArgsSchema } from './contract.js';
import { computeRemoveParameterPython } from './edits.python.js';

/** remove_parameter's language half: the family, edits and problems from each language server. */
export const removeParameterLanguageHalf = defineLanguageHalf({
  kind: 'remove_parameter',
  argsSchema: removeParameterArgsSchema,
  loadTypeScript: async () =>
    (await import('./edits.typescript.js')).computeRemoveParameterTypeScript,
  python: computeRemoveParameterPython,
});
