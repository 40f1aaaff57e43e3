import type { SourceRange } from '../../../core/source-types.js';
import { comparePositions } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SCOPES_SCRIPT } from '../scripts/scopes-script.js';
import type { FileScopes, PositionScopes, ScopesQueryResult } from './scope-types.js';

/** Scope facts for a set of references, keyed by `file:line:column`. */
export interface ReferenceScopes {
  at(location: { file: string; line: number; column: number }): PositionScopes | undefined;
  files: FileScopes[];
}

/**
 * Runs the scopes script once over every file holding a reference, listing only the bindings
 * of `names` and the free loads of `freeName`.
 */
export async function classifyReferences(
  workspace: PythonWorkspace,
  locations: readonly SourceRange[],
  filter: { names: string[]; freeName?: string },
  signal?: AbortSignal,
): Promise<ReferenceScopes> {
  const byFile = new Map<string, Array<{ line: number; column: number }>>();
  for (const { file, line, column } of [...locations].sort(comparePositions)) {
    const positions = byFile.get(file) ?? [];
    const last = positions.at(-1);
    if (last?.line !== line || last.column !== column) positions.push({ line, column });
    byFile.set(file, positions);
  }
  const files = [...byFile].map(([file, positions]) => ({ file, positions }));
  // In one order whatever the callers' order, so that asking again is the same question.
  const names = [...new Set(filter.names)].sort();
  const asked = { names, ...(filter.freeName === undefined ? {} : { freeName: filter.freeName }) };
  const classify = () =>
    workspace.runScript<ScopesQueryResult>(
      SCOPES_SCRIPT,
      { root: workspace.root, mode: 'query', files, ...asked },
      signal,
    );
  // A rename classifies the same references three times (its collisions, its references, its
  // edits: one filter for all three). The memo is forgotten as soon as a workspace file changes
  // — which only a running pyright's session notices, so only then is it kept.
  const result =
    files.length === 0
      ? { results: [], errors: [] }
      : workspace.session.state === 'ready'
        ? await workspace.memo(`scopes:${JSON.stringify([files, asked])}`, classify)
        : await classify();
  const index = new Map<string, PositionScopes>();
  for (const file of result.results) {
    for (const position of file.positions) {
      index.set(`${file.file}:${position.line}:${position.column}`, position);
    }
  }
  return {
    at: ({ file, line, column }) => index.get(`${file}:${line}:${column}`),
    files: result.results,
  };
}

/** True when `scopes` records a (non-import) binding of `name` exactly at `line:column`. */
export function isBindingSite(
  facts: PositionScopes | undefined,
  name: string,
  line: number,
  column: number,
): boolean {
  return (
    facts?.scopes.some((scope) =>
      scope.names.some(
        (binding) =>
          binding.name === name &&
          binding.kind !== 'import' &&
          binding.line === line &&
          binding.column === column,
      ),
    ) ?? false
  );
}
