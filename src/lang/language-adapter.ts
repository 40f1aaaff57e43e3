import type {
  CallSite,
  ImportEdge,
  LanguageId,
  NameCollision,
  SourcePosition,
  SymbolDefinition,
  SymbolReference,
  TextEdit,
} from '../core/source-types.js';

/** Options every adapter call takes. */
export interface AdapterCallOptions {
  signal?: AbortSignal;
}

/**
 * Language-aware analysis of one workspace, for one language.
 * Implementations: TypeScript LanguageService (`lang/typescript`), pyright over LSP (`lang/python`).
 */
export interface LanguageAdapter {
  readonly language: LanguageId;
  /**
   * Starts the engine (a language server, a program) so the next queries answer fast; callers
   * may run it in the background while they do other work.
   */
  prepare?(options?: AdapterCallOptions): Promise<void>;
  /** Declarations named `name` anywhere in the workspace (not in dependencies). */
  findDefinitions(name: string, options?: AdapterCallOptions): Promise<SymbolDefinition[]>;
  /** Every use of the symbol at `at`, the declaration included, across the workspace. */
  findReferences(at: SourcePosition, options?: AdapterCallOptions): Promise<SymbolReference[]>;
  /** The exact edits that rename the symbol at `at` to `newName` across the workspace. */
  findRenameEdits(
    at: SourcePosition,
    newName: string,
    options?: AdapterCallOptions,
  ): Promise<TextEdit[]>;
  /** Names in scope at any use of the symbol that `newName` would clash with. */
  findRenameCollisions(
    at: SourcePosition,
    newName: string,
    options?: AdapterCallOptions,
  ): Promise<NameCollision[]>;
  /** Call sites of the function or method at `at`. */
  findCallers(at: SourcePosition, options?: AdapterCallOptions): Promise<CallSite[]>;
  /** The workspace's file import graph for this language. */
  findImportGraph(options?: AdapterCallOptions): Promise<ImportEdge[]>;
  /** Ends the language server or frees the program. Safe to call twice. */
  close(): Promise<void>;
}
