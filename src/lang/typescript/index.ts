export {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
  type TypeScriptAdapterOptions,
  type TypeScriptAdapterState,
} from './create-typescript-adapter.js';
export { validateIdentifier } from './validate-identifier.js';
