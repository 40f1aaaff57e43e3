import type { LanguageHalf } from '../language-half.js';
import { refuseConvertPromisesPython } from './compute.python.js';
import { computeConvertPromisesTypeScript } from './compute.typescript.js';
import { convertPromisesArgsSchema } from './contract.js';

/** convert_promises' language half: TypeScript's convertToAsyncFunction; Python refuses. */
export const convertPromisesLanguageHalf: LanguageHalf = {
  kind: 'convert_promises',
  argsSchema: convertPromisesArgsSchema,
  typescript: (project, target, args, signal) =>
    computeConvertPromisesTypeScript(
      project,
      target,
      convertPromisesArgsSchema.parse(args),
      signal,
    ),
  python: (_workspace, target) => refuseConvertPromisesPython(target),
};
