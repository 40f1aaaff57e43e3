import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition, TextEdit } from '../../core/source-types.js';
import { findReferenceLocations, toNameRanges } from './find-reference-locations.js';
import type { PythonWorkspace } from './python-workspace.js';
import { resolveRenameTarget } from './resolve-rename-target.js';

/**
 * The edits that rename the symbol at `at` to `newName` across the workspace: the union of
 * pyright's references (complete across files once pyright has listed the workspace) and its
 * rename edits (which may miss unopened files early on), each checked to hold the old name.
 * @throws INVALID_IDENTIFIER for a bad `newName`; SYMBOL_NOT_FOUND when nothing renameable is at `at`.
 */
export async function findRenameEdits(
  workspace: PythonWorkspace,
  rawAt: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): Promise<TextEdit[]> {
  const target = await resolveRenameTarget(workspace, rawAt, newName, signal);
  if (target === undefined) return [];
  const { at, name, reader } = target;
  const params = await workspace.openPosition(at, signal);
  const prepared = await workspace.session.request<Range | { range: Range } | null>(
    'textDocument/prepareRename',
    params,
    signal,
  );
  if (prepared === null) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `pyright cannot rename ${JSON.stringify(name)} at ${at.file}:${at.line}:${at.column} (not a workspace symbol). Point at a symbol defined in the workspace.`,
      { data: { ...at, name } },
    );
  }
  const references = await findReferenceLocations(workspace, reader, at, name, signal);
  const renamed = await workspace.session.request<WorkspaceEdit | null>(
    'textDocument/rename',
    { ...params, newName },
    signal,
  );
  const renameRanges = await toNameRanges(workspace.root, reader, toLocations(renamed), name);
  const unique = new Map<string, TextEdit>();
  for (const range of [...references, ...renameRanges]) {
    unique.set(`${range.file}:${range.line}:${range.column}`, {
      ...range,
      oldText: name,
      newText: newName,
    });
  }
  return [...unique.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

/** The edit locations of a WorkspaceEdit, from `changes` or `documentChanges`. */
function toLocations(edit: WorkspaceEdit | null): Location[] {
  if (edit === null) return [];
  const locations: Location[] = [];
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    for (const { range } of edits) locations.push({ uri, range });
  }
  for (const change of edit.documentChanges ?? []) {
    if (!('edits' in change)) continue;
    for (const item of change.edits)
      locations.push({ uri: change.textDocument.uri, range: item.range });
  }
  return locations;
}
