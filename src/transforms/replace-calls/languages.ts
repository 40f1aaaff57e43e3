import type { LanguageHalf } from '../language-half.js';
import { computeReplaceCallsPython } from './compute.python.js';
import { replaceCallsArgsSchema } from './contract.js';

/** replace_calls' language half: the calls, their checks and the edits, from each language server. */
export const replaceCallsLanguageHalf: LanguageHalf = {
  kind: 'replace_calls',
  argsSchema: replaceCallsArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args) =>
    (await import('./compute.typescript.js')).computeReplaceCallsTypeScript(
      project,
      target,
      replaceCallsArgsSchema.parse(args),
    ),
  python: (workspace, target, args, signal) =>
    computeReplaceCallsPython(workspace, target, replaceCallsArgsSchema.parse(args), signal),
};
