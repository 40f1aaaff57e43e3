import type { PythonWorkspace } from '../engine/python-workspace.js';
import { UNREAD_IMPORT_CANDIDATES_SCRIPT } from './unread-import-candidates-script.js';

/**
 * The `files` that may hold an import nothing reads, judged from their syntax (see
 * {@link UNREAD_IMPORT_CANDIDATES_SCRIPT}): only these need pyright's check, which costs
 * ~0.3 s of CPU per file. In the order given.
 */
export async function findUnreadImportCandidates(
  workspace: PythonWorkspace,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> {
  if (files.length === 0) return [];
  const output = await workspace.runScript<{ candidates: string[] }>(
    UNREAD_IMPORT_CANDIDATES_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  return output.candidates;
}
