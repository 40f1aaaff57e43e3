import type { SourcePosition } from './source-types.js';

/** A compiler / type checker finding. */
export interface Diagnostic extends SourcePosition {
  /** The checker's code, e.g. `TS2304`, `reportUndefinedVariable`. */
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What the type checkers say about some files. */
export interface DiagnosticsReport {
  checked: string[];
  /** How each language checked them (the tsconfig files used, `pyright`). */
  configs: string[];
  diagnostics: Diagnostic[];
  /**
   * Importers of the changed files not checked: nothing they can see of those files changed
   * (Python; see select-checked-importers.ts). Absent when every importer was checked.
   */
  importersLeftOut?: string[];
}

/** A {@link DiagnosticsReport} of a change, with the importers it left out. */
export interface ChangeDiagnosticsReport extends DiagnosticsReport {
  importersLeftOut: string[];
}
