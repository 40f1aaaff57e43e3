import ts from 'typescript';
import type { SourcePosition, SymbolReference } from '../../core/source-types.js';
import {
  comparePositions,
  findNameNodeAt,
  lineTextAt,
  toLineColumn,
  toProgramLocation,
} from './positions.js';
import type { WorkspaceProject } from './workspace-project.js';

/**
 * Every use of the symbol at `at` in workspace files, its declarations and the uses through
 * import aliases included, sorted by file, line and column.
 */
export function findReferences(project: WorkspaceProject, at: SourcePosition): SymbolReference[] {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const groups = project.service.findReferences(sourceFile.fileName, offset) ?? [];
  const byKey = new Map<string, SymbolReference>();
  for (const group of groups) {
    for (const entry of group.references) {
      if (!project.isWorkspaceFile(entry.fileName)) continue;
      const file = project.program().getSourceFile(entry.fileName);
      if (file === undefined) continue;
      const start = entry.textSpan.start;
      const reference: SymbolReference = {
        file: project.toRelative(entry.fileName),
        ...toLineColumn(file, start),
        length: entry.textSpan.length,
        isDefinition: entry.isDefinition === true,
        isImport: isInImportOrExport(findNameNodeAt(file, start)),
        lineText: lineTextAt(file, start),
      };
      const key = `${reference.file}:${reference.line}:${reference.column}`;
      const existing = byKey.get(key);
      if (existing === undefined) byKey.set(key, reference);
      else existing.isDefinition ||= reference.isDefinition;
    }
  }
  return [...byKey.values()].sort(comparePositions);
}

/** True inside an import/export statement or a `require(...)` binding. */
export function isInImportOrExport(node: ts.Node | undefined): boolean {
  for (let current = node; current !== undefined; current = current.parent) {
    if (
      ts.isImportDeclaration(current) ||
      ts.isExportDeclaration(current) ||
      ts.isImportEqualsDeclaration(current) ||
      ts.isExportAssignment(current)
    ) {
      return true;
    }
    if (ts.isVariableDeclaration(current)) return isRequireCall(current.initializer);
    if (ts.isStatement(current)) return false;
  }
  return false;
}

/** True for `require('x')` (with a string literal argument). */
export function isRequireCall(node: ts.Node | undefined): boolean {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteralLike(node.arguments[0])
  );
}
