import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { SITES_SCRIPT } from './sites-script.python.js';

/** A 1-based line and UTF-16 column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** What stands at one reference of the old function (see {@link SITES_SCRIPT}). */
export interface PythonSite extends SourcePosition {
  name: string;
  lineText: string;
  role: 'call' | 'qualified-call' | 'import' | 'definition' | 'string' | 'value' | 'unknown';
  /** An `import … as alias` of the function: where the alias is written. */
  alias?: LineColumn & { name: string };
  detail?: string;
  calleeStart?: LineColumn;
  calleeEnd?: LineColumn;
  callEnd?: LineColumn;
  callee?: string;
  call?: string;
  positional?: number;
  starred?: number;
  keywords?: string[];
  doubleStarred?: number;
  inAsync?: boolean;
  function?: string | null;
  awaited?: boolean;
  needsParens?: boolean;
  /** Candidate names bound in the scopes around the call. */
  shadowed?: string[];
  /** `ns.old_fn(…)`: `ns`, its first name, and the module it stands for through the imports. */
  qualifier?: string;
  qualifierHead?: string;
  qualifierModule?: string;
}

/** A module-level import of a file with calls. */
export interface PythonImportStatement {
  kind: 'from' | 'import';
  module?: string | null;
  line: number;
  names: Array<{ name: string; asname: string | null; start: LineColumn; end: LineColumn }>;
  lastEnd?: LineColumn;
}

/** What a file with calls holds at module level. */
export interface PythonFileSummary {
  eol: string;
  imports: PythonImportStatement[];
  /**
   * Where a new import line goes; `after`: the line before it is the last import; else the
   * blank lines to leave before the code that follows (two before a definition, as PEP 8 has).
   */
  insertAt: LineColumn & { after: boolean; blankLines?: number };
  /** Every name bound at module level. */
  bound: string[];
  /** Names bound by imports: a module, or a name from a module. */
  bindings: Record<string, { kind: 'module' | 'from'; module: string; name?: string }>;
}

/** Reads the references, and the files with calls (see {@link SITES_SCRIPT}). */
export async function readPythonSites(
  workspace: PythonWorkspace,
  sites: ReadonlyArray<SourcePosition & { name: string }>,
  candidates: readonly string[],
  signal?: AbortSignal,
): Promise<{ sites: PythonSite[]; files: Record<string, PythonFileSummary> }> {
  if (sites.length === 0) return { sites: [], files: {} };
  const output = await workspace.runScript<{
    sites: PythonSite[];
    files: Record<string, PythonFileSummary>;
    errors: Array<{ file: string; message: string }>;
  }>(SITES_SCRIPT, { root: workspace.root, sites, candidates: [...candidates] }, signal);
  const [error] = output.errors;
  if (error !== undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Python cannot parse ${error.file} (${error.message}), so its calls cannot be replaced. Fix the syntax error first.`,
      { data: { file: error.file } },
    );
  }
  return { sites: output.sites, files: output.files };
}
