import { defineLanguageHalf } from '../language-half.js';
import { computeMovePython } from './compute.python.js';
import { moveArgsSchema } from './contract.js';

/** move's language half: TypeScript's "Move to file" refactor, and rope for Python. */
export const moveLanguageHalf = defineLanguageHalf({
  kind: 'move',
  argsSchema: moveArgsSchema,
  loadTypeScript: async () => (await import('./compute.typescript.js')).computeMoveTypeScript,
  python: computeMovePython,
});
