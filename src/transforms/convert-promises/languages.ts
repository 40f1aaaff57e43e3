import type { LanguageHalf } from '../language-half.js';
import { refuseConvertPromisesPython } from './compute.python.js';
import { convertPromisesArgsSchema } from './contract.js';

/** convert_promises' language half: TypeScript's convertToAsyncFunction; Python refuses. */
export const convertPromisesLanguageHalf: LanguageHalf = {
  kind: 'convert_promises',
  argsSchema: convertPromisesArgsSchema,
  // Loaded on the first TypeScript call: it pulls in the compiler (~0.5 s to compile at
  // every server start), which a Python workspace never needs.
  typescript: async (project, target, args, signal) =>
    (await import('./compute.typescript.js')).computeConvertPromisesTypeScript(
      project,
      target,
      convertPromisesArgsSchema.parse(args),
      signal,
    ),
  python: (_workspace, target) => refuseConvertPromisesPython(target),
};
