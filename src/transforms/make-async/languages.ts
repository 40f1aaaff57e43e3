import type { LanguageHalf } from '../language-half.js';
import { computeMakeAsyncPython } from './compute.python.js';
import { makeAsyncArgsSchema } from './contract.js';

/** make_async's language half: the closure, boundaries and edits from each language server. */
export const makeAsyncLanguageHalf: LanguageHalf = {
  kind: 'make_async',
  argsSchema: makeAsyncArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args, signal) =>
    (await import('./compute.typescript.js')).computeMakeAsyncTypeScript(
      project,
      target,
      makeAsyncArgsSchema.parse(args),
      signal,
    ),
  python: (workspace, target, args, signal) =>
    computeMakeAsyncPython(workspace, target, makeAsyncArgsSchema.parse(args), signal),
};
