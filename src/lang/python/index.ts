export type { AsyncAnalysisResult, AsyncFileAnalysis } from './analyze-async.js';
export type { PythonAdapter, PythonAdapterOptions } from './create-python-adapter.js';
export { createPythonAdapter } from './create-python-adapter.js';
export type { OutgoingCall } from './find-callers.js';
export type { PythonDocumentSymbol } from './find-document-symbols.js';
export type { DiagnosticMode } from './pyright-session.js';
export type { PositionScopes, PythonScope, ScopeBinding, UseContext } from './scope-types.js';
export { isPythonIdentifier, validatePythonIdentifier } from './validate-python-identifier.js';
