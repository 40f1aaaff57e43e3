export {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
  type TypeScriptAdapterOptions,
  type TypeScriptAdapterState,
} from './create-typescript-adapter.js';
export { EXCLUDED_DIRECTORIES, isSourceFileName } from './engine/workspace-files.js';
export { validateIdentifier } from './validate-identifier.js';
