import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { comparePositions, toSymbolKind } from '../engine/lsp-locations.js';
import { type PythonWorkspace, toWorkspaceFile } from '../engine/python-workspace.js';

/** One symbol declared in a file. */
export interface PythonDocumentSymbol {
  name: string;
  kind: string;
  line: number;
  column: number;
  /** The enclosing class or function. */
  container?: string;
}

/** The symbols pyright lists for `file` (hierarchy flattened, containers kept), sorted. */
export async function findDocumentSymbols(
  workspace: PythonWorkspace,
  file: string,
  signal?: AbortSignal,
): Promise<PythonDocumentSymbol[]> {
  const relative = toWorkspaceFile(workspace.root, file);
  const uri = await workspace.openFile(relative, signal);
  const symbols = await workspace.session.request<Array<DocumentSymbol | SymbolInformation> | null>(
    'textDocument/documentSymbol',
    { textDocument: { uri } },
    signal,
  );
  const flat: PythonDocumentSymbol[] = [];
  const visit = (symbol: DocumentSymbol | SymbolInformation, container?: string): void => {
    const start =
      'selectionRange' in symbol ? symbol.selectionRange.start : symbol.location.range.start;
    const parent = 'containerName' in symbol ? symbol.containerName : container;
    flat.push({
      name: symbol.name,
      kind: toSymbolKind(symbol.kind, symbol.name),
      line: start.line + 1,
      column: start.character + 1,
      ...(parent === undefined || parent === '' ? {} : { container: parent }),
    });
    if ('children' in symbol) for (const child of symbol.children ?? []) visit(child, symbol.name);
  };
  for (const symbol of symbols ?? []) visit(symbol);
  return flat.sort((a, b) => comparePositions({ file: relative, ...a }, { file: relative, ...b }));
}
