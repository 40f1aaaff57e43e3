import type { SourcePosition } from '../../core/source-types.js';
import type { AdapterCallOptions, LanguageAdapter } from '../language-adapter.js';
import { type AsyncAnalysisResult, analyzeAsync } from './analyze-async.js';
import { findCallers, findOutgoingCalls, type OutgoingCall } from './find-callers.js';
import { findDefinitions } from './find-definitions.js';
import { findDocumentSymbols, type PythonDocumentSymbol } from './find-document-symbols.js';
import { findImportGraph } from './find-import-graph.js';
import { findReferences } from './find-references.js';
import { findRenameCollisions } from './find-rename-collisions.js';
import { findRenameEdits } from './find-rename-edits.js';
import { findScopes } from './find-scopes.js';
import type { DiagnosticMode, PyrightSessionState } from './pyright-session.js';
import { createPythonWorkspace } from './python-workspace.js';
import type { PositionScopes } from './scope-types.js';

/** Options for {@link createPythonAdapter}. */
export interface PythonAdapterOptions {
  /** The workspace root (made real with `realpath`). */
  root: string;
  /** The interpreter pyright resolves imports with. @default `.venv`/`venv` in root, else `python3` */
  pythonPath?: string;
  /**
   * pyright's background checking. `'openFilesOnly'` skips checking every file, which makes
   * large repos much faster and changes no answer the adapter gives. @default 'workspace'
   */
  diagnosticMode?: DiagnosticMode;
}

/** The {@link LanguageAdapter} for Python, plus the Python-only analyses `python_analysis` serves. */
export interface PythonAdapter extends LanguageAdapter {
  readonly language: 'python';
  /** The workspace root, made real. */
  readonly root: string;
  /** `'idle'` until the first call that needs pyright. */
  readonly state: PyrightSessionState;
  /** Milliseconds pyright took from spawn until it had listed the workspace (undefined before). */
  readonly settleMs: number | undefined;
  /** Symbols declared in one file (flattened, with containers). */
  findDocumentSymbols(file: string, options?: AdapterCallOptions): Promise<PythonDocumentSymbol[]>;
  /** The scopes enclosing a position, innermost first, with their bound names. */
  findScopes(at: SourcePosition, options?: AdapterCallOptions): Promise<PositionScopes>;
  /** What the function at `at` calls. */
  findOutgoingCalls(at: SourcePosition, options?: AdapterCallOptions): Promise<OutgoingCall[]>;
  /** Async functions, unawaited calls and blocking calls, for one file or all. */
  analyzeAsync(file?: string, options?: AdapterCallOptions): Promise<AsyncAnalysisResult>;
}

/**
 * Creates the Python adapter: pyright's language server over LSP (spawned on first use with the
 * running Node, from the installed `pyright` package) plus small `ast` scripts run with the
 * workspace's interpreter. A workspace without `.py` files gets empty answers and no pyright.
 * Call `close()` to stop pyright.
 */
export function createPythonAdapter(options: PythonAdapterOptions): PythonAdapter {
  const workspace = createPythonWorkspace(options);
  return {
    language: 'python',
    root: workspace.root,
    get state() {
      return workspace.session.state;
    },
    get settleMs() {
      return workspace.session.settleMs;
    },
    findDefinitions: (name, call) => findDefinitions(workspace, name, call?.signal),
    findReferences: (at, call) => findReferences(workspace, at, call?.signal),
    findRenameEdits: (at, newName, call) => findRenameEdits(workspace, at, newName, call?.signal),
    findRenameCollisions: (at, newName, call) =>
      findRenameCollisions(workspace, at, newName, call?.signal),
    findCallers: (at, call) => findCallers(workspace, at, call?.signal),
    findImportGraph: (call) => findImportGraph(workspace, call?.signal),
    findDocumentSymbols: (file, call) => findDocumentSymbols(workspace, file, call?.signal),
    findScopes: (at, call) => findScopes(workspace, at, call?.signal),
    findOutgoingCalls: (at, call) => findOutgoingCalls(workspace, at, call?.signal),
    analyzeAsync: (file, call) => analyzeAsync(workspace, file, call?.signal),
    close: () => workspace.session.close(),
  };
}
