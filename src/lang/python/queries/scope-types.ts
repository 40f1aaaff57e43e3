/** Shapes the scopes script (scripts/scopes-script.ts) returns. */

/** A name bound in a scope, where it is first bound. */
export interface ScopeBinding {
  name: string;
  kind: 'function' | 'method' | 'class' | 'variable' | 'constant' | 'parameter' | 'import';
  line: number;
  column: number;
}

/** One lexical scope. `name` is null for the module. */
export interface PythonScope {
  kind: 'module' | 'class' | 'function' | 'lambda' | 'comprehension';
  name: string | null;
  line: number;
  column: number;
  names: ScopeBinding[];
  starImports: string[];
}

/** How a name at a position is used. */
export type UseContext = 'name' | 'attribute' | 'import' | 'import-alias' | 'keyword' | 'string';

/** The context and scope chain (innermost first) at one position. */
export interface PositionScopes {
  line: number;
  column: number;
  context: UseContext;
  scopes: PythonScope[];
}

/** Scopes script result for one file. */
export interface FileScopes {
  file: string;
  positions: PositionScopes[];
  /** Loads of the `freeName` asked for that resolve to a builtin or a star import. */
  freeLoads: Array<{ line: number; column: number }>;
}

export interface ScopesQueryResult {
  results: FileScopes[];
  errors: Array<{ file: string; message: string }>;
}
