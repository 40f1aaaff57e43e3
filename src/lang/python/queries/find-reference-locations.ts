import type { Location } from 'vscode-languageserver-protocol';
import { OrchestratorError } from '../../../core/errors.js';
import type { SourcePosition, SourceRange } from '../../../core/source-types.js';
import { comparePositions, toRelativePath } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import type { FileTextReader } from '../engine/read-file-text.js';

/** Path segments that mark library or tool folders, never workspace sources. */
const NON_SOURCE_SEGMENT = /(^|\/)(\.[^/]*|node_modules|__pycache__|site-packages|venv)\//;

/** The workspace-relative path of `uri` when it is a workspace Python source, else undefined. */
export function toWorkspaceSource(root: string, uri: string): string | undefined {
  const relative = toRelativePath(root, uri);
  if (relative === undefined || !/\.pyi?$/.test(relative)) return undefined;
  return NON_SOURCE_SEGMENT.test(relative) ? undefined : relative;
}

/** The identifier that covers `at` on its line, or a `SYMBOL_NOT_FOUND` error. */
export async function readNameAt(reader: FileTextReader, at: SourcePosition): Promise<string> {
  let line: string;
  try {
    line = await reader.line(at.file, at.line);
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No readable Python file ${JSON.stringify(at.file)}. Pass a workspace-relative .py path.`,
      { cause: error, data: { ...at } },
    );
  }
  const index = at.column - 1;
  const word = /[\p{ID_Continue}]/u;
  let start = index;
  let end = index;
  while (start > 0 && word.test(line[start - 1] ?? '')) start -= 1;
  while (end < line.length && word.test(line[end] ?? '')) end += 1;
  const name = line.slice(start, end);
  if (name === '' || !/^[\p{ID_Start}_]/u.test(name)) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No Python name at ${at.file}:${at.line}:${at.column}. Point at a symbol's name.`,
      { data: { ...at } },
    );
  }
  return name;
}

/**
 * `textDocument/references` (declaration included) at `at`, kept to single-line ranges in
 * workspace sources whose text is exactly `name`; sorted and deduplicated.
 */
export async function findReferenceLocations(
  workspace: PythonWorkspace,
  reader: FileTextReader,
  at: SourcePosition,
  name: string,
  signal?: AbortSignal,
): Promise<SourceRange[]> {
  const params = await workspace.openPosition(at, signal);
  // Shared until a file changes: a rename asks for edits, then collisions, at the same point.
  const locations = await workspace.memo(`references:${at.file}:${at.line}:${at.column}`, () =>
    workspace.session.request<Location[] | null>(
      'textDocument/references',
      { ...params, context: { includeDeclaration: true } },
      signal,
    ),
  );
  return await toNameRanges(workspace.root, reader, locations ?? [], name);
}

/** LSP locations → sorted, unique ranges in workspace sources whose text is `name`. */
export async function toNameRanges(
  root: string,
  reader: FileTextReader,
  locations: ReadonlyArray<Pick<Location, 'uri' | 'range'>>,
  name: string,
): Promise<SourceRange[]> {
  const unique = new Map<string, SourceRange>();
  for (const { uri, range } of locations) {
    const file = toWorkspaceSource(root, uri);
    if (file === undefined || range.start.line !== range.end.line) continue;
    const text = await reader.line(file, range.start.line + 1);
    if (text.slice(range.start.character, range.end.character) !== name) continue;
    const location = {
      file,
      line: range.start.line + 1,
      column: range.start.character + 1,
      length: range.end.character - range.start.character,
    };
    unique.set(`${file}:${location.line}:${location.column}`, location);
  }
  return [...unique.values()].sort(comparePositions);
}
