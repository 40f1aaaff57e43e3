import type { ImportEdge } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { runPythonScript } from '../engine/run-python-script.js';
import { IMPORT_GRAPH_SCRIPT } from '../scripts/import-graph-script.js';

/**
 * The import graph between workspace `.py` files as it would be if the files in `texts` held
 * the given text (`null`: deleted) — files that do not exist yet included — without writing
 * anything (see {@link IMPORT_GRAPH_SCRIPT}). Sorted by `from` then `to`.
 */
export async function findImportGraphWith(
  workspace: PythonWorkspace,
  texts: ReadonlyMap<string, string | null>,
  signal?: AbortSignal,
): Promise<ImportEdge[]> {
  const listed = await workspace.listFiles(signal);
  const files = [...new Set([...listed, ...texts.keys()])]
    .filter((file) => /\.pyi?$/.test(file) && texts.get(file) !== null)
    .sort();
  if (files.length === 0) return [];
  const result = await runPythonScript<{ edges: ImportEdge[] }>(
    IMPORT_GRAPH_SCRIPT,
    { root: workspace.root, files, overlay: Object.fromEntries(texts) },
    {
      pythonPath: await workspace.scriptInterpreter(signal),
      cwd: workspace.root,
      ...(signal ? { signal } : {}),
    },
  );
  return result.edges;
}
