import type { SymbolDefinition } from '../../../core/source-types.js';
import { comparePositions } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SCOPES_SCRIPT } from '../scripts/scopes-script.js';

interface DefinitionsResult {
  results: Array<Omit<SymbolDefinition, 'language'>>;
  errors: Array<{ file: string; message: string }>;
}

/**
 * Declarations named `name` in workspace `.py` files: every `def` and `class` (methods and
 * nested functions with their container), and module- or class-level assignments. Parameters,
 * locals and imports are not declarations. Files are prefiltered by text, then parsed with
 * Python's `ast`; pyright is not started.
 */
export async function findDefinitions(
  workspace: PythonWorkspace,
  name: string,
  signal?: AbortSignal,
): Promise<SymbolDefinition[]> {
  const candidates = (await workspace.filesContaining(name, signal)).map((file) => ({ file }));
  if (candidates.length === 0) return [];
  const result = await workspace.runScript<DefinitionsResult>(
    SCOPES_SCRIPT,
    { root: workspace.root, mode: 'definitions', name, files: candidates },
    signal,
  );
  return result.results
    .map((definition): SymbolDefinition => ({ ...definition, language: 'python' }))
    .sort(comparePositions);
}
