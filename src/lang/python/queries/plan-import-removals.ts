import type { RangeEdit } from '../../../core/change/change-types.js';
import { OrchestratorError } from '../../../core/errors.js';
import { compareText } from '../../../core/whole-word.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { IMPORT_REMOVALS_SCRIPT } from './import-removals-script.js';

/** An import binding the plan removes or keeps: where its name is written. */
export interface ImportBinding {
  line: number;
  column: number;
  length: number;
  /** The name the import binds (`regex` for `import re as regex`, `os` for `import os.path`). */
  name: string;
}

/** Why an import that nothing reads stays. */
export interface KeptImport extends ImportBinding {
  reason: 're-export' | 'side-effect';
  detail: string;
}

/** The bindings to remove from one file (where pyright points at them). */
export interface ImportRemovalRequest {
  file: string;
  positions: ReadonlyArray<{ line: number; column: number }>;
  /** Bindings to rewrite to another name instead of removing (`old_fn` → `new_fn`). */
  replace?: ReadonlyArray<{ line: number; column: number; text: string }>;
}

/** The removals planned for one file. */
export interface ImportRemovalPlan {
  file: string;
  /** Sorted, non-overlapping; may span lines (a whole statement's lines). */
  edits: RangeEdit[];
  removed: ImportBinding[];
  kept: KeptImport[];
}

interface ScriptOutput {
  files: ImportRemovalPlan[];
  errors: Array<{ file: string; message: string }>;
}

/**
 * The edits that remove the import bindings written at `positions` (what pyright points at),
 * keeping re-exports and side-effect imports (see {@link IMPORT_REMOVALS_SCRIPT}); inside an
 * overlay, the files as the overlay has them. A file Python cannot parse is `BAD_INPUT`.
 */
export async function planImportRemovals(
  workspace: PythonWorkspace,
  requests: ReadonlyArray<ImportRemovalRequest>,
  signal?: AbortSignal,
): Promise<ImportRemovalPlan[]> {
  const files = requests
    .filter((request) => request.positions.length > 0 || (request.replace?.length ?? 0) > 0)
    .map((request) => ({
      file: request.file,
      positions: [...request.positions],
      replace: [...(request.replace ?? [])],
    }))
    .sort((a, b) => compareText(a.file, b.file));
  if (files.length === 0) return [];
  const output = await workspace.runScript<ScriptOutput>(
    IMPORT_REMOVALS_SCRIPT,
    { root: workspace.root, files, workspace: await workspace.listFiles(signal) },
    signal,
  );
  const [error] = output.errors;
  if (error !== undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Python cannot parse ${error.file} (${error.message}), so its imports are left as they are. Fix the syntax error first.`,
      { data: { file: error.file } },
    );
  }
  return output.files.sort((a, b) => compareText(a.file, b.file));
}
