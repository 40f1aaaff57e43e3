import { defineLanguageHalf } from '../language-half.js';
import { refuseConvertPromisesPython } from './compute.python.js';
import { convertPromisesArgsSchema } from './contract.js';

/** convert_promises' language half: TypeScript's convertToAsyncFunction; Python refuses. */
export const convertPromisesLanguageHalf = defineLanguageHalf({
  kind: 'convert_promises',
  argsSchema: convertPromisesArgsSchema,
  loadTypeScript: async () =>
    (await import('./compute.typescript.js')).computeConvertPromisesTypeScript,
  python: (_workspace, target) => refuseConvertPromisesPython(target),
});
