import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChangeDiagnosticsReport } from '../../../core/diagnostics.js';
import type { ImportEdge } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { finishSurfaces, readSurfacesAtBase } from './find-change-surfaces.js';
import { findDiagnostics } from './find-diagnostics.js';
import {
  changedFilesSeenFromOutside,
  type SurfaceChange,
  selectCheckedImporters,
} from './select-checked-importers.js';

/**
 * pyright's findings after a change that only edits files (`overlay`: every entry an existing
 * file's new text): the edited modules, and the importers that can see what changed in them
 * (select-checked-importers.ts) — the changed modules' surfaces read at the base first, then
 * under the overlay, where the check runs. Undefined when the change creates, moves or deletes
 * a file (an import may then resolve elsewhere): every importer is to be checked.
 */
export async function findChangeDiagnostics(
  workspace: PythonWorkspace,
  overlay: ReadonlyMap<string, string | null>,
  edges: readonly ImportEdge[],
  signal?: AbortSignal,
): Promise<ChangeDiagnosticsReport | undefined> {
  const files = [...overlay.keys()].filter((file) => /\.pyi?$/.test(file));
  const onlyEdits = [...overlay].every(
    ([file, text]) => text !== null && existsInWorkspace(workspace.root, file),
  );
  if (!onlyEdits || files.length === 0) return undefined;
  const seen = changedFilesSeenFromOutside(new Set(files), edges);
  // No unchanged file imports a changed one: every importer is changed, so checked anyway.
  if (seen.size === 0) return undefined;
  const atBase = await readSurfacesAtBase(
    workspace,
    new Map([...overlay].filter(([file]) => seen.has(file))),
    signal,
  );
  return workspace.withOverlay(overlay, async () => {
    const surfaces = new Map<string, SurfaceChange>(files.map((file) => [file, new Set()]));
    // The others' importers are all changed files: what they changed is passed on by those.
    for (const [file, surface] of await finishSurfaces(workspace, atBase, signal))
      surfaces.set(file, surface);
    const { checked, leftOut } = selectCheckedImporters(surfaces, edges, (file) =>
      readOrUndefined(workspace.root, file),
    );
    const report = await findDiagnostics(workspace, checked, signal);
    return { ...report, importersLeftOut: leftOut };
  });
}

function existsInWorkspace(root: string, file: string): boolean {
  return existsSync(path.join(root, ...file.split('/')));
}

function readOrUndefined(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, ...file.split('/')), 'utf8');
  } catch {
    return undefined;
  }
}
