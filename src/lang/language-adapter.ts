import type { ChangeDiagnosticsReport, DiagnosticsReport } from '../core/diagnostics.js';
import type { PositionClass } from '../core/services.js';
import type {
  CallSite,
  ImportEdge,
  LanguageId,
  SkippedSource,
  SourcePosition,
  SymbolDefinition,
  SymbolReference,
} from '../core/source-types.js';

/** Options every adapter call takes. */
export interface AdapterCallOptions {
  signal?: AbortSignal;
}

/** Files as a call should see them (workspace-relative → new text, or `null` for deleted). */
export type Overlay = ReadonlyMap<string, string | null>;

/**
 * Language-aware analysis of one workspace, for one language: the generic queries, and the
 * engine itself for transforms' language halves. `E` is the engine (the TypeScript project,
 * the pyright workspace). Implementations: `lang/typescript`, `lang/python`.
 */
export interface LanguageAdapter<E = unknown> {
  readonly language: LanguageId;
  /**
   * Starts the engine (a language server, a program) so the next queries answer fast; callers
   * may run it in the background while they do other work.
   */
  prepare?(options?: AdapterCallOptions): Promise<void>;
  /**
   * Declarations named `name` anywhere in the workspace (not in dependencies); files too large,
   * minified or generated to parse are left out and handed to `options.onSkipped`.
   */
  findDefinitions(
    name: string,
    options?: AdapterCallOptions & { onSkipped?: (skipped: SkippedSource[]) => void },
  ): Promise<SymbolDefinition[]>;
  /** Every use of the symbol at `at`, the declaration included, across the workspace. */
  findReferences(at: SourcePosition, options?: AdapterCallOptions): Promise<SymbolReference[]>;
  /** Call sites of the function or method at `at`. */
  findCallers(at: SourcePosition, options?: AdapterCallOptions): Promise<CallSite[]>;
  /** The workspace's file import graph for this language. */
  findImportGraph(options?: AdapterCallOptions): Promise<ImportEdge[]>;
  /** For each position (in this language's files): code, comment or string, and what it resolves to. */
  classifyPositions(
    positions: readonly SourcePosition[],
    options?: AdapterCallOptions,
  ): Promise<PositionClass[]>;
  /** The type checker's findings for this language's `files`, as `overlay` says they are. */
  findDiagnostics(
    files: readonly string[],
    options?: AdapterCallOptions & { overlay?: Overlay },
  ): Promise<DiagnosticsReport>;
  /**
   * The type checker's findings after a change that only edits files (`overlay` holds their new
   * text): the edited files and the importers, from `edges` (the import graph at the base), that
   * can see what changed in them — or undefined when this language cannot tell, and every
   * importer is to be checked.
   */
  findChangeDiagnostics?(
    options: AdapterCallOptions & { overlay: Overlay; edges: readonly ImportEdge[] },
  ): Promise<ChangeDiagnosticsReport | undefined>;
  /** Runs `body` on the engine (under `overlay`, if given), in turn with the adapter's other calls. */
  withEngine<T>(
    body: (engine: E, signal?: AbortSignal) => T | Promise<T>,
    options?: AdapterCallOptions & { overlay?: Overlay },
  ): Promise<T>;
  /** Ends the language server or frees the program. Safe to call twice. */
  close(): Promise<void>;
}
