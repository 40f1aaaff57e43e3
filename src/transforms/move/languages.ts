import type { LanguageHalf } from '../language-half.js';
import { computeMovePython } from './compute.python.js';
import { computeMoveTypeScript } from './compute.typescript.js';
import { moveArgsSchema } from './contract.js';

/** move's language half: TypeScript's "Move to file" refactor, and rope for Python. */
export const moveLanguageHalf: LanguageHalf = {
  kind: 'move',
  argsSchema: moveArgsSchema,
  typescript: (project, target, args, signal) =>
    computeMoveTypeScript(project, target, moveArgsSchema.parse(args), signal),
  python: (workspace, target, args, signal) =>
    computeMovePython(workspace, target, moveArgsSchema.parse(args), signal),
};
