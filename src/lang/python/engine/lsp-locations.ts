import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import type { SourcePosition, SymbolKind } from '../../../core/source-types.js';

/** The `file://` URI of a workspace-relative file. */
export function toFileUri(root: string, relative: string): string {
  return pathToFileURL(path.join(root, ...relative.split('/'))).href;
}

/** The workspace-relative POSIX path of a `file://` URI, or undefined when it is outside `root`. */
export function toRelativePath(root: string, uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const relative = path.relative(root, fileURLToPath(uri));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** 1-based line/column → LSP's 0-based position (both count UTF-16 units). */
export function toLspPosition(at: { line: number; column: number }): Position {
  return { line: at.line - 1, character: at.column - 1 };
}

/** LSP's 0-based position in `file` → a 1-based {@link SourcePosition}. */
export function toSourcePosition(file: string, position: Position): SourcePosition {
  return { file, line: position.line + 1, column: position.character + 1 };
}

/** Orders positions by file, line, column (code-unit order for files). */
export function comparePositions(a: SourcePosition, b: SourcePosition): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Maps an LSP `SymbolKind` number to ours. */
export function toSymbolKind(lspKind: number, name: string): SymbolKind {
  switch (lspKind) {
    case 2:
    case 4:
      return 'module';
    case 5:
      return 'class';
    case 6:
    case 9:
      return 'method';
    case 7:
      return 'property';
    case 8:
      return 'property';
    case 10:
      return 'enum';
    case 11:
      return 'interface';
    case 12:
      return 'function';
    case 13:
      return /^[A-Z][A-Z0-9_]*$/.test(name) ? 'constant' : 'variable';
    case 14:
      return 'constant';
    case 22:
      return 'enum';
    case 26:
      return 'type';
    default:
      return 'other';
  }
}
