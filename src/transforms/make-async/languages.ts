import { defineLanguageHalf } from '../language-half.js';
import { computeMakeAsyncPython } from './compute.python.js';
import { makeAsyncArgsSchema } from './contract.js';

/** make_async's language half: the closure, boundaries and edits from each language server. */
export const makeAsyncLanguageHalf = defineLanguageHalf({
  kind: 'make_async',
  argsSchema: makeAsyncArgsSchema,
  loadTypeScript: async () => (await import('./compute.typescript.js')).computeMakeAsyncTypeScript,
  python: computeMakeAsyncPython,
});
