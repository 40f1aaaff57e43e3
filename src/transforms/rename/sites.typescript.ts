import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  commonJsExportNameOf,
  isCommonJsExportLiteral,
} from '../../lang/typescript/queries/commonjs.js';
import { expandThroughRequire } from '../../lang/typescript/queries/expand-through-require.js';
import { isInImportOrExport } from '../../lang/typescript/queries/find-references.js';
import { findNameNodeAt, toProgramLocation } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';

/** How one occurrence of the old name is rewritten. */
export type RenameSiteMode =
  /** `oldName` → `newName`. */
  | 'replace'
  /** A shorthand `{ old }` whose variable is renamed: `{ old: newName }` keeps the property. */
  | 'keep-property'
  /** A shorthand `{ old }` whose property is renamed: `{ newName: old }` keeps the variable. */
  | 'keep-value';

/** One occurrence of the symbol to rewrite. */
export interface RenameSite {
  /** Absolute file name. */
  fileName: string;
  start: number;
  length: number;
  mode: RenameSiteMode;
  /** Why the site is edited: `declaration`, `import`, `export`, `reference`, … */
  reason: string;
}

/** The symbol a rename starts from and every occurrence to rewrite. */
export interface RenameTarget {
  oldName: string;
  symbol: ts.Symbol | undefined;
  /** The node the rename was asked at. */
  node: ts.Node;
  sites: RenameSite[];
}

/**
 * Every occurrence to rewrite for a whole-workspace rename of the symbol at `at`: through
 * imports, re-exports and namespace imports, plus CommonJS consumers (`const { old } =
 * require(...)`, `mod.old`) of a `module.exports` / `exports.old` that exports the symbol.
 *
 * TypeScript is asked with `providePrefixAndSuffixTextForRename: false`, so `import { old }`
 * and `export { old } from` are renamed together with their users. With `true` it would write
 * `export { newName as old } from` yet still rename that re-export's importers (broken code),
 * and keep aliases (`import { newName as old }`) that a whole-repo rename does not want. Its
 * one useful effect, keeping an object-literal shorthand's property name (`{ old: newName }`),
 * is done here through {@link RenameSiteMode}.
 */
export function findRenameSites(
  project: WorkspaceProject,
  at: SourcePosition,
  signal?: AbortSignal,
): RenameTarget {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const info = project.service.getRenameInfo(sourceFile.fileName, offset, {
    allowRenameOfImportPath: false,
  });
  if (!info.canRename) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `Nothing to rename at ${at.file}:${at.line}:${at.column}: ${info.localizedErrorMessage}. Point at a declared name in the workspace.`,
      { data: { ...at } },
    );
  }
  const start = info.triggerSpan.start;
  const oldName = sourceFile.text.slice(start, start + info.triggerSpan.length);
  const node = findNameNodeAt(sourceFile, start) ?? sourceFile;
  const checker = project.program().getTypeChecker();
  const atShorthand = ts.isShorthandPropertyAssignment(node.parent ?? node);
  const symbol = atShorthand
    ? checker.getShorthandAssignmentValueSymbol(node.parent)
    : checker.getSymbolAtLocation(node);
  const renamesProperty =
    !atShorthand && symbol !== undefined && (symbol.flags & ts.SymbolFlags.Property) !== 0;

  const sites = new Map<string, RenameSite>();
  const add = (fileName: string, siteStart: number, length: number): boolean => {
    const key = `${fileName}:${siteStart}`;
    if (sites.has(key) || !project.isWorkspaceFile(fileName)) return false;
    const file = project.program().getSourceFile(fileName);
    const siteNode = file === undefined ? undefined : findNameNodeAt(file, siteStart);
    let mode: RenameSiteMode = 'replace';
    if (siteNode !== undefined && ts.isShorthandPropertyAssignment(siteNode.parent)) {
      if (renamesProperty) mode = 'keep-value';
      else if (!isCommonJsExportLiteral(siteNode.parent.parent)) mode = 'keep-property';
    }
    sites.set(key, { fileName, start: siteStart, length, mode, reason: toReason(siteNode, mode) });
    const exportName = siteNode === undefined ? undefined : commonJsExportNameOf(siteNode);
    if (exportName !== undefined && exportName.text === oldName && file !== undefined) {
      add(fileName, exportName.getStart(file), exportName.getWidth(file));
    }
    return true;
  };
  const renameAt = (fileName: string, position: number): readonly ts.RenameLocation[] =>
    project.service.findRenameLocations(fileName, position, false, false, {
      providePrefixAndSuffixTextForRename: false,
    }) ?? [];

  for (const location of renameAt(sourceFile.fileName, offset)) {
    add(location.fileName, location.textSpan.start, location.textSpan.length);
  }
  expandThroughRequire(
    project,
    oldName,
    (key) => sites.has(key),
    (fileName, position) =>
      renameAt(fileName, position).map((l) => ({
        fileName: l.fileName,
        start: l.textSpan.start,
        length: l.textSpan.length,
      })),
    (span) => add(span.fileName, span.start, span.length),
    signal,
  );
  return { oldName, symbol, node, sites: [...sites.values()] };
}

/** Why a site is edited, for the plan's readers. */
function toReason(node: ts.Node | undefined, mode: RenameSiteMode): string {
  if (mode !== 'replace') return 'shorthand property';
  if (node === undefined) return 'reference';
  const parent = node.parent;
  if (parent !== undefined && ts.getNameOfDeclaration(parent as ts.Declaration) === node) {
    if (ts.isImportSpecifier(parent) || ts.isImportClause(parent)) return 'import';
    if (ts.isExportSpecifier(parent)) return 'export';
    if (ts.isBindingElement(parent))
      return isInImportOrExport(node) ? 'require binding' : 'reference';
    return 'declaration';
  }
  if (
    commonJsExportNameOf(node) !== undefined ||
    (parent !== undefined && commonJsExportNameOf(parent) !== undefined)
  ) {
    return 'CommonJS export';
  }
  if (isInImportOrExport(node)) return ts.isExportSpecifier(parent) ? 'export' : 'import';
  return 'reference';
}
