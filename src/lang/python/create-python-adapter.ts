import type { SourcePosition } from '../../core/source-types.js';
import type { AdapterCallOptions, LanguageAdapter, Overlay } from '../language-adapter.js';
import type { DiagnosticMode, PyrightSessionState } from './engine/pyright-session.js';
import { createPythonWorkspace, type PythonWorkspace } from './engine/python-workspace.js';
import { withCancellation } from './engine/with-cancellation.js';
import { type AsyncAnalysisResult, analyzeAsync } from './queries/analyze-async.js';
import { classifyPositions } from './queries/classify-positions.js';
import { findCallers, findOutgoingCalls, type OutgoingCall } from './queries/find-callers.js';
import { findChangeDiagnostics } from './queries/find-change-diagnostics.js';
import { findDefinitions } from './queries/find-definitions.js';
import { findDiagnostics } from './queries/find-diagnostics.js';
import { findDocumentSymbols, type PythonDocumentSymbol } from './queries/find-document-symbols.js';
import { findImportGraph } from './queries/find-import-graph.js';
import { findReferences } from './queries/find-references.js';
import { findScopes } from './queries/find-scopes.js';
import type { PositionScopes } from './queries/scope-types.js';

/** Options for {@link createPythonAdapter}. */
export interface PythonAdapterOptions {
  /** The workspace root (made real with `realpath`). */
  root: string;
  /** The interpreter pyright resolves imports with. @default `.venv`/`venv` in root, else `python3` */
  pythonPath?: string;
  /**
   * pyright's background checking of every file. References, rename and call hierarchy cover
   * the whole workspace in both modes (the adapter waits until pyright has listed the files);
   * `'workspace'` only adds a background check of every file, which on 1,000 files doubles the
   * time of a rename (38 s against 19 s on a busy 2-core machine). @default 'openFilesOnly'
   */
  diagnosticMode?: DiagnosticMode;
}

/** The {@link LanguageAdapter} for Python, plus the Python-only analyses transforms use (scopes, outgoing calls, async facts). */
export interface PythonAdapter extends LanguageAdapter<PythonWorkspace> {
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

/** Runs `body` under `overlay` when there is one. */
function withOverlayOf(workspace: PythonWorkspace) {
  return <T>(overlay: Overlay | undefined, body: () => Promise<T>): Promise<T> =>
    overlay === undefined || overlay.size === 0 ? body() : workspace.withOverlay(overlay, body);
}

/**
 * Starts each call on what is on disk now (pyright told of files changed since the last call),
 * passes the call's signal on and turns failures after an abort into `CANCELLED`.
 */
function guardOf(workspace: PythonWorkspace) {
  return <T>(
    call: AdapterCallOptions | undefined,
    body: (signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> => {
    const signal = call?.signal;
    return withCancellation(signal, async () => {
      await workspace.syncWithDisk(signal);
      return body(signal);
    });
  };
}

/**
 * Creates the Python adapter: pyright's language server over LSP (spawned on first use with the
 * running Node, from the installed `pyright` package) plus small `ast` scripts run with the
 * workspace's interpreter. A workspace without `.py` files gets empty answers and no pyright.
 * Call `close()` to stop pyright.
 */
export function createPythonAdapter(options: PythonAdapterOptions): PythonAdapter {
  const workspace = createPythonWorkspace(options);
  const withOverlay = withOverlayOf(workspace);
  const guard = guardOf(workspace);
  return {
    language: 'python',
    root: workspace.root,
    get state() {
      return workspace.session.state;
    },
    get settleMs() {
      return workspace.session.settleMs;
    },
    prepare: (call) =>
      guard(call, async (signal) => {
        if (await workspace.hasPythonFiles(signal)) await workspace.session.start(signal);
      }),
    findDefinitions: (name, call) =>
      guard(call, (signal) => findDefinitions(workspace, name, signal, call?.onSkipped)),
    findReferences: (at, call) => guard(call, (signal) => findReferences(workspace, at, signal)),
    classifyPositions: (positions, call) =>
      guard(call, (signal) => classifyPositions(workspace, positions, signal)),
    findDiagnostics: (files, call) =>
      guard(call, (signal) =>
        withOverlay(call?.overlay, () => findDiagnostics(workspace, files, signal)),
      ),
    findChangeDiagnostics: (call) =>
      guard(call, (signal) => findChangeDiagnostics(workspace, call.overlay, call.edges, signal)),
    withEngine: (body, call) =>
      guard(call, (signal) => withOverlay(call?.overlay, async () => body(workspace, signal))),
    findCallers: (at, call) => guard(call, (signal) => findCallers(workspace, at, signal)),
    findImportGraph: (call) => guard(call, (signal) => findImportGraph(workspace, signal)),
    findDocumentSymbols: (file, call) =>
      guard(call, (signal) => findDocumentSymbols(workspace, file, signal)),
    findScopes: (at, call) => guard(call, (signal) => findScopes(workspace, at, signal)),
    findOutgoingCalls: (at, call) =>
      guard(call, (signal) => findOutgoingCalls(workspace, at, signal)),
    analyzeAsync: (file, call) => guard(call, (signal) => analyzeAsync(workspace, file, signal)),
    close: () => workspace.session.close(),
  };
}
