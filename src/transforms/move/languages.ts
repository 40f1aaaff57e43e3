import type { LanguageHalf } from '../language-half.js';
import { computeMovePython } from './compute.python.js';
import { moveArgsSchema } from './contract.js';

/** move's language half: TypeScript's "Move to file" refactor, and rope for Python. */
export const moveLanguageHalf: LanguageHalf = {
  kind: 'move',
  argsSchema: moveArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args, signal) =>
    (await import('./compute.typescript.js')).computeMoveTypeScript(
      project,
      target,
      moveArgsSchema.parse(args),
      signal,
    ),
  python: (workspace, target, args, signal) =>
    computeMovePython(workspace, target, moveArgsSchema.parse(args), signal),
};
