import type { ImportEdge } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { IMPORT_GRAPH_SCRIPT } from '../scripts/import-graph-script.js';

interface ImportGraphResult {
  edges: ImportEdge[];
  errors: Array<{ file: string; message: string }>;
}

/**
 * Import edges between workspace `.py` files, from Python's `ast` (see the import-graph
 * script), sorted by `from` then `to`. Files that do not parse contribute no edges.
 */
export async function findImportGraph(
  workspace: PythonWorkspace,
  signal?: AbortSignal,
): Promise<ImportEdge[]> {
  const files = await workspace.listFiles(signal);
  if (files.length === 0) return [];
  const result = await workspace.runScript<ImportGraphResult>(
    IMPORT_GRAPH_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  return result.edges;
}
