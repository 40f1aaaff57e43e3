import type { EditFileChange } from '../../core/change/change-types.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findUnreadImportCandidates } from '../../lang/python/queries/find-unread-import-candidates.js';
import { findUnusedImports } from '../../lang/python/queries/find-unused-imports.js';
import { planImportRemovals } from '../../lang/python/queries/plan-import-removals.js';
import type { RemoveUnusedImportsArgs, RemoveUnusedImportsFacts } from './contract.js';

/**
 * The unused imports of the Python `files` by pyright's `reportUnusedImport`, and the edits
 * that remove them — re-exports and side-effect imports kept.
 */
export async function computeRemoveUnusedImportsPython(
  workspace: PythonWorkspace,
  _target: TransformTarget,
  args: RemoveUnusedImportsArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const listed = new Set(await workspace.listFiles(signal));
  const files = args.files.filter((file) => listed.has(file));
  // Only files that may hold an import nothing reads are shown to pyright (its check of a file
  // costs ~0.3 s of CPU): most files read every name they import.
  const importing = new Set(await workspace.filesContaining('import', signal));
  const candidates = await findUnreadImportCandidates(
    workspace,
    files.filter((file) => importing.has(file)),
    signal,
  );
  const unused = await findUnusedImports(workspace, candidates, { signal });
  const byFile = new Map<string, Array<{ line: number; column: number }>>();
  for (const item of unused) {
    byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  }
  const plans = await planImportRemovals(
    workspace,
    [...byFile].map(([file, positions]) => ({ file, positions })),
    signal,
  );
  const changes: EditFileChange[] = plans
    .filter((plan) => plan.edits.length > 0)
    .map((plan) => ({ op: 'edit', file: plan.file, edits: plan.edits }));
  const facts: RemoveUnusedImportsFacts = {
    removed: plans.flatMap((plan) => plan.removed.map((b) => ({ file: plan.file, ...b }))),
    kept: plans.flatMap((plan) => plan.kept.map((k) => ({ file: plan.file, ...k }))),
    checked: files,
  };
  return { changes, facts };
}
