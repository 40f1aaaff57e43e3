import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { PositionClass } from '../../../core/services.js';
import type { SourcePosition, SymbolDefinition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { createFileTextReader } from '../engine/read-file-text.js';
import { TOKEN_KINDS_SCRIPT } from '../scripts/token-kinds-script.js';
import { findDefinitions } from './find-definitions.js';
import { toWorkspaceSource } from './find-reference-locations.js';

interface TokenKinds {
  results: Array<{
    file: string;
    kinds: Array<'code' | 'comment' | 'string'>;
    members: Array<PositionClass['member'] | null>;
  }>;
}

/**
 * For each position of a Python workspace file: comment, string or code (Python's
 * `tokenize`); for code, the declaration pyright's `textDocument/definition` resolves the
 * name to — described by its kind and container when it is a workspace declaration.
 */
export async function classifyPositions(
  workspace: PythonWorkspace,
  positions: readonly SourcePosition[],
  signal?: AbortSignal,
): Promise<PositionClass[]> {
  const byFile = new Map<string, number[]>();
  positions.forEach((at, index) => {
    byFile.set(at.file, [...(byFile.get(at.file) ?? []), index]);
  });
  const files = [...byFile].map(([file, indexes]) => ({
    file: workspace.resolvePosition({ file, line: 1, column: 1 }).file,
    positions: indexes.map((i) => ({ line: positions[i]?.line, column: positions[i]?.column })),
  }));
  const tokens = await workspace.runScript<TokenKinds>(
    TOKEN_KINDS_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  const kinds: Array<'code' | 'comment' | 'string'> = [];
  const members: Array<PositionClass['member'] | null> = [];
  tokens.results.forEach((result, fileIndex) => {
    const indexes = [...byFile.values()][fileIndex] ?? [];
    result.kinds.forEach((kind, k) => {
      kinds[indexes[k] as number] = kind;
      members[indexes[k] as number] = result.members[k] ?? null;
    });
  });
  const reader = createFileTextReader(workspace.root);
  const describe = createDeclarationDescriber(workspace, signal);
  const classes: PositionClass[] = [];
  for (const [index, at] of positions.entries()) {
    const kind = kinds[index] ?? 'code';
    const member = members[index];
    const base = { file: at.file, line: at.line, column: at.column, ...(member ? { member } : {}) };
    if (kind !== 'code') {
      classes.push({ file: at.file, line: at.line, column: at.column, kind });
      continue;
    }
    const params = await workspace.openPosition(at, signal);
    const found = await workspace.session.request<Location | Location[] | LocationLink[] | null>(
      'textDocument/definition',
      params,
      signal,
    );
    const locations = toLocations(found);
    const inside = locations
      .map((location) => ({ location, file: toWorkspaceSource(workspace.root, location.uri) }))
      .find((entry) => entry.file !== undefined);
    if (inside?.file !== undefined) {
      const position = {
        file: inside.file,
        line: inside.location.range.start.line + 1,
        column: inside.location.range.start.character + 1,
      };
      const name =
        /^[\p{ID_Start}_][\p{ID_Continue}]*/u.exec(
          (await reader.line(position.file, position.line)).slice(
            inside.location.range.start.character,
          ),
        )?.[0] ?? '';
      classes.push({ ...base, kind, declaration: await describe(position, name) });
    } else if (locations[0] !== undefined) {
      classes.push({ ...base, kind, externalDeclaration: toExternalName(locations[0].uri) });
    } else {
      classes.push({ ...base, kind });
    }
  }
  return classes;
}

/** A declaration's kind and container, from the definitions script, by position. */
function createDeclarationDescriber(workspace: PythonWorkspace, signal?: AbortSignal) {
  const byName = new Map<string, Promise<SymbolDefinition[]>>();
  return async (at: SourcePosition, name: string): Promise<SymbolDefinition> => {
    let list = byName.get(name);
    if (list === undefined) {
      list = name === '' ? Promise.resolve([]) : findDefinitions(workspace, name, signal);
      byName.set(name, list);
    }
    const known = (await list).find(
      (d) => d.file === at.file && d.line === at.line && d.column === at.column,
    );
    return known ?? { ...at, name: name || '?', kind: 'other', language: 'python' };
  };
}

function toLocations(found: Location | Location[] | LocationLink[] | null): Location[] {
  if (found === null) return [];
  const list = Array.isArray(found) ? found : [found];
  return list.map((entry) =>
    'targetUri' in entry
      ? { uri: entry.targetUri, range: entry.targetSelectionRange }
      : (entry as Location),
  );
}

function toExternalName(uri: string): string {
  const parts = decodeURIComponent(uri).split('/');
  for (const marker of ['site-packages', 'typeshed-fallback', 'stdlib']) {
    const index = parts.lastIndexOf(marker);
    if (index !== -1) return parts.slice(index + 1).join('/');
  }
  return parts.at(-1) ?? uri;
}
