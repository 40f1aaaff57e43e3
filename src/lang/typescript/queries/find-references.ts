import type { SourcePosition, SymbolReference } from '../../../core/source-types.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import { isRequireCall } from './commonjs.js';
import { expandThroughRequire, type FileSpan, spanKey } from './expand-through-require.js';
import {
  comparePositions,
  findNameNodeAt,
  lineTextAt,
  toLineColumn,
  toProgramLocation,
} from './positions.js';
import { referencedEntries } from './referenced-entries.js';

/**
 * Every use of the symbol at `at` in workspace files, its declarations and the uses through
 * import aliases included, sorted by file, line and column.
 */
export function findReferences(
  project: WorkspaceProject,
  at: SourcePosition,
  signal?: AbortSignal,
): SymbolReference[] {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const entries = new Map<string, FileSpan & { isDefinition: boolean }>();
  const referencesAt = (fileName: string, position: number) =>
    referencedEntries(project, fileName, position);
  const add = (entry: FileSpan & { isDefinition?: boolean }): boolean => {
    if (!project.isWorkspaceFile(entry.fileName)) return false;
    const key = spanKey(entry);
    const existing = entries.get(key);
    if (existing !== undefined) {
      existing.isDefinition ||= entry.isDefinition === true;
      return false;
    }
    entries.set(key, { ...entry, isDefinition: entry.isDefinition === true });
    return true;
  };
  const initial = referencesAt(sourceFile.fileName, offset);
  for (const entry of initial) add(entry);
  const name = initial.length === 0 ? undefined : nameAt(project, initial[0] as FileSpan);
  if (name !== undefined) {
    // A require() binding declares a local, but it is a use of the export, not its definition.
    expandThroughRequire(
      project,
      name,
      (key) => entries.has(key),
      referencesAt,
      (span) => add({ ...span, isDefinition: false }),
      signal,
    );
  }
  const references: SymbolReference[] = [];
  for (const entry of entries.values()) {
    const file = project.program().getSourceFile(entry.fileName);
    if (file === undefined) continue;
    references.push({
      file: project.toRelative(entry.fileName),
      ...toLineColumn(file, entry.start),
      length: entry.length,
      isDefinition: entry.isDefinition,
      isImport: isInImportOrExport(findNameNodeAt(file, entry.start)),
      lineText: lineTextAt(file, entry.start),
    });
  }
  return references.sort(comparePositions);
}

function nameAt(project: WorkspaceProject, span: FileSpan): string | undefined {
  const text = project.program().getSourceFile(span.fileName)?.text;
  return text?.slice(span.start, span.start + span.length);
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
