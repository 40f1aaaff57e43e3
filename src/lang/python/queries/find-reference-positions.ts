import type { Location } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../../core/source-types.js';
import { comparePositions } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { toWorkspaceSource } from './find-reference-locations.js';

/**
 * Where pyright says the symbol at `at` is used in workspace sources (its declaration left
 * out), sorted and unique. Unlike `findReferenceLocations` the text is not read back from
 * disk, so it answers for an overlay (a changed tree) as well.
 */
export async function findReferencePositions(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<SourcePosition[]> {
  const params = await workspace.openPosition(at, signal);
  const locations = await workspace.session.request<Location[] | null>(
    'textDocument/references',
    { ...params, context: { includeDeclaration: false } },
    signal,
  );
  const unique = new Map<string, SourcePosition>();
  for (const { uri, range } of locations ?? []) {
    const file = toWorkspaceSource(workspace.root, uri);
    if (file === undefined) continue;
    const position = { file, line: range.start.line + 1, column: range.start.character + 1 };
    if (position.file === at.file && position.line === at.line && position.column === at.column) {
      continue;
    }
    unique.set(`${file}:${position.line}:${position.column}`, position);
  }
  return [...unique.values()].sort(comparePositions);
}
