import type { SourcePosition, SymbolReference } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { createFileTextReader } from '../engine/read-file-text.js';
import { classifyReferences, isBindingSite } from './classify-references.js';
import { findReferenceLocations, readNameAt } from './find-reference-locations.js';

/**
 * Every use of the symbol at `at` across the workspace, the declaration included, sorted by
 * file, line and column. `isImport` marks import statements and `__all__` entries. `alsoAsk`
 * widens the scope classification to what another query at the same references will ask (a
 * rename's collisions: the new name, its free loads), so that one classification serves both.
 */
export async function findReferences(
  workspace: PythonWorkspace,
  rawAt: SourcePosition,
  signal?: AbortSignal,
  alsoAsk: { names: readonly string[]; freeName?: string } = { names: [] },
): Promise<SymbolReference[]> {
  if (!(await workspace.hasPythonFiles(signal))) return [];
  const at = workspace.resolvePosition(rawAt);
  const reader = createFileTextReader(workspace.root);
  const name = await readNameAt(reader, at);
  const locations = await findReferenceLocations(workspace, reader, at, name, signal);
  const scopes = await classifyReferences(
    workspace,
    locations,
    {
      names: [name, ...alsoAsk.names],
      ...(alsoAsk.freeName === undefined ? {} : { freeName: alsoAsk.freeName }),
    },
    signal,
  );
  return await Promise.all(
    locations.map(async (location) => {
      const facts = scopes.at(location);
      const context = facts?.context ?? 'name';
      return {
        ...location,
        isDefinition: isBindingSite(facts, name, location.line, location.column),
        isImport: context === 'import' || context === 'import-alias' || context === 'string',
        lineText: await reader.line(location.file, location.line),
      };
    }),
  );
}
