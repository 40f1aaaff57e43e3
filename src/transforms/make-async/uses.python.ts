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
 * Every use of the function named at `at`: pyright's references, and the references of each
 * name it is imported as (`from m import f as g` — pyright does not follow `g` itself), to a
 * fixpoint; each with its site. Sorted by position.
 */
export async function findUses(
  workspace: PythonWorkspace,
  index: SiteIndex,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<Site[]> {
  const seen = new Set<string>();
  const found: Site[] = [];
  let frontier: SourcePosition[] = [at];
  while (frontier.length > 0) {
    const positions: SourcePosition[] = [];
    for (const start of frontier) {
      for (const position of await findReferencePositions(workspace, start, signal)) {
        if (seen.has(toKey(position))) continue;
        seen.add(toKey(position));
        positions.push(position);
      }
    }
    const sites = await index.sites(positions);
    found.push(...sites);
    frontier = sites.flatMap((site) =>
      site.role === 'import' && site.alias !== undefined && !seen.has(toKey(aliasOf(site)))
        ? [aliasOf(site)]
        : [],
    );
  }
  return found.sort(comparePositions);
}

function aliasOf(site: Site): SourcePosition {
  const alias = site.alias ?? site;
  return { file: site.file, line: alias.line, column: alias.column };
}
