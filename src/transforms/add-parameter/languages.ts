import { defineLanguageHalf } from '../language-half.js';
import { addParameterArgsSchema } from './contract.js';
import { computeAddParameterPython } from './edits.python.js';

/** add_parameter's language half: the family, edits and problems from each language server. */
export const addParameterLanguageHalf = defineLanguageHalf({
  kind: 'add_parameter',
  argsSchema: addParameterArgsSchema,
  loadTypeScript: async () => (await import('./edits.typescript.js')).computeAddParameterTypeScript,
  python: computeAddParameterPython,
});
