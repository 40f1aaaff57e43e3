import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import {
  createFileTextReader,
  type FileTextReader,
} from '../../lang/python/engine/read-file-text.js';
import { readNameAt } from '../../lang/python/queries/find-reference-locations.js';
import { validatePythonIdentifier } from '../../lang/python/queries/validate-python-identifier.js';

/** The checked start of a rename: where, the current name, and a reader for the files. */
export interface RenameTarget {
  at: SourcePosition;
  name: string;
  reader: FileTextReader;
}

/**
 * Validates `newName` and reads the name at `rawAt`. Returns undefined when there is nothing
 * to do: no Python files, or the name already is `newName`.
 */
export async function resolveRenameTarget(
  workspace: PythonWorkspace,
  rawAt: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): Promise<RenameTarget | undefined> {
  validatePythonIdentifier(newName);
  if (!(await workspace.hasPythonFiles(signal))) return undefined;
  const at = workspace.resolvePosition(rawAt);
  const reader = createFileTextReader(workspace.root);
  const name = await readNameAt(reader, at);
  return name === newName ? undefined : { at, name, reader };
}
