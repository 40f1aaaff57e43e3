import type { LanguageHalf } from '../language-half.js';
import { computeReplaceCallsPython } from './compute.python.js';
import { computeReplaceCallsTypeScript } from './compute.typescript.js';
import { replaceCallsArgsSchema } from './contract.js';

/** replace_calls' language half: the calls, their checks and the edits, from each language server. */
export const replaceCallsLanguageHalf: LanguageHalf = {
  kind: 'replace_calls',
  argsSchema: replaceCallsArgsSchema,
  typescript: (project, target, args) =>
    computeReplaceCallsTypeScript(project, target, replaceCallsArgsSchema.parse(args)),
  python: (workspace, target, args, signal) =>
    computeReplaceCallsPython(workspace, target, replaceCallsArgsSchema.parse(args), signal),
};
