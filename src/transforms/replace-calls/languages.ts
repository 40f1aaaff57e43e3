import { defineLanguageHalf } from '../language-half.js';
import { computeReplaceCallsPython } from './compute.python.js';
import { replaceCallsArgsSchema } from './contract.js';

/** replace_calls' language half: the calls, their checks and the edits, from each language server. */
export const replaceCallsLanguageHalf = defineLanguageHalf({
  kind: 'replace_calls',
  argsSchema: replaceCallsArgsSchema,
  loadTypeScript: async () =>
    (await import('./compute.typescript.js')).computeReplaceCallsTypeScript,
  python: computeReplaceCallsPython,
});
