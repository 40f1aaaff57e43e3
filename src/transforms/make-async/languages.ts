import type { LanguageHalf } from '../language-half.js';
import { computeMakeAsyncPython } from './compute.python.js';
import { computeMakeAsyncTypeScript } from './compute.typescript.js';
import { makeAsyncArgsSchema } from './contract.js';

/** make_async's language half: the closure, boundaries and edits from each language server. */
export const makeAsyncLanguageHalf: LanguageHalf = {
  kind: 'make_async',
  argsSchema: makeAsyncArgsSchema,
  typescript: (project, target, args, signal) =>
    computeMakeAsyncTypeScript(project, target, makeAsyncArgsSchema.parse(args), signal),
  python: (workspace, target, args, signal) =>
    computeMakeAsyncPython(workspace, target, makeAsyncArgsSchema.parse(args), signal),
};
