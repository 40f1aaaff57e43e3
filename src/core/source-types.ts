/**
 * Source locations shared by every layer. Files are workspace-relative POSIX paths;
 * lines and columns are 1-based; columns and lengths count UTF-16 code units (as LSP and TypeScript do).
 */
export type LanguageId = 'typescript' | 'python';

/** A point in a workspace file. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A span on one line of a workspace file. */
export interface SourceRange extends SourcePosition {
  length: number;
}

/** One replacement; `oldText` is what the range must hold before the edit is applied. */
export interface TextEdit extends SourceRange {
  oldText: string;
  newText: string;
}

export type SymbolKind =
  | 'function'
  | 'class'
  | 'method'
  | 'variable'
  | 'constant'
  | 'parameter'
  | 'property'
  | 'module'
  | 'interface'
  | 'type'
  | 'enum'
  | 'other';

/** Where a symbol is declared. `container` is the enclosing class or function, if any. */
export interface SymbolDefinition extends SourcePosition {
  name: string;
  kind: SymbolKind;
  language: LanguageId;
  container?: string;
}

/** One use of a symbol. */
export interface SymbolReference extends SourceRange {
  isDefinition: boolean;
  /** True when the use is in an import or export statement. */
  isImport: boolean;
  /** The whole source line, for reports. */
  lineText: string;
}

/** A call of a symbol, and the function that makes it. */
export interface CallSite extends SourcePosition {
  callerName: string;
  callerFile: string;
  callerLine: number;
}

/** `from` imports `to` (both workspace files). */
export interface ImportEdge {
  from: string;
  to: string;
  names: string[];
}

/** An existing name that a rename would clash with. */
export interface NameCollision extends SourcePosition {
  name: string;
  reason: string;
}

/** A source file the analyses leave out (too large, minified or generated), and why. */
export interface SkippedSource {
  /** Workspace-relative POSIX path. */
  file: string;
  reason: string;
}
