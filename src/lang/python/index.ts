export type { PythonAdapter, PythonAdapterOptions } from './create-python-adapter.js';
export { createPythonAdapter } from './create-python-adapter.js';
export type { DiagnosticMode } from './engine/pyright-session.js';
export type { AsyncAnalysisResult, AsyncFileAnalysis } from './queries/analyze-async.js';
export type { OutgoingCall } from './queries/find-callers.js';
export type { PythonDocumentSymbol } from './queries/find-document-symbols.js';
export type {
  PositionScopes,
  PythonScope,
  ScopeBinding,
  UseContext,
} from './queries/scope-types.js';
export {
  isPythonIdentifier,
  validatePythonIdentifier,
} from './queries/validate-python-identifier.js';
