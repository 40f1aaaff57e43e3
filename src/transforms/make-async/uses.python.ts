import type { Location } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../core/source-types.js';
import { comparePositions } from '../../lang/python/engine/lsp-locations.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { toWorkspaceSource } from '../../lang/python/queries/find-reference-locations.js';
import type { SiteIndex } from './site-index.python.js';
import { type Site, toKey } from './site-types.python.js';

/** pyright's references to the symbol at `at` in workspace sources (declaration included), sorted. */
export async function findReferencePositions(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<SourcePosition[]> {
  const params = await workspace.openPosition(at, signal);
  const locations = await workspace.session.request<Location[] | null>(
    'textDocument/references',
    { ...params, context: { includeDeclaration: true } },
    signal,
  );
  const unique = new Map<string, SourcePosition>();
  for (const { uri, range } of locations ?? []) {
    const file = toWorkspaceSource(workspace.root, uri);
    if (file === undefined || range.start.line !== range.end.line) continue;
    const position = { file, line: range.start.line + 1, column: range.start.character + 1 };
    unique.set(toKey(position), position);
  }
  return [...unique.values()].sort(comparePositions);
}

/**
 * Every use of each function named at `functions`: pyright's references, and the references
 * of each name it is imported as (`from m import f as g` — pyright does not follow `g`), to a
 * fixpoint; each with its site, sorted by position. One sites-script run per level of aliases.
 */
export async function findUses(
  workspace: PythonWorkspace,
  index: SiteIndex,
  functions: readonly SourcePosition[],
  signal?: AbortSignal,
): Promise<Map<string, Site[]>> {
  const found = new Map<string, Site[]>();
  const seen = new Map<string, Set<string>>();
  let frontier = functions.map((at) => ({ owner: toKey(at), at }));
  while (frontier.length > 0) {
    const positions: Array<{ owner: string; at: SourcePosition }> = [];
    for (const { owner, at } of frontier) {
      const known = seen.get(owner) ?? new Set<string>();
      seen.set(owner, known);
      for (const position of await findReferencePositions(workspace, at, signal)) {
        if (known.has(toKey(position))) continue;
        known.add(toKey(position));
        positions.push({ owner, at: position });
      }
    }
    const sites = await index.sites(positions.map((p) => p.at));
    const byKey = new Map(sites.map((site) => [toKey(site), site]));
    frontier = [];
    for (const { owner, at } of positions) {
      const site = byKey.get(toKey(at));
      if (site === undefined) continue;
      found.set(owner, [...(found.get(owner) ?? []), site]);
      if (site.role !== 'import' || site.alias === undefined) continue;
      const alias = { file: site.file, line: site.alias.line, column: site.alias.column };
      if (!seen.get(owner)?.has(toKey(alias))) frontier.push({ owner, at: alias });
    }
  }
  for (const sites of found.values()) sites.sort(comparePositions);
  return found;
}
