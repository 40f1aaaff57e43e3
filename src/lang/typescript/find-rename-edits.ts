import ts from 'typescript';
import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition, TextEdit } from '../../core/source-types.js';
import { findRenameSites, type RenameSite, type RenameTarget } from './find-rename-sites.js';
import { comparePositions, toLineColumn } from './positions.js';
import { validateIdentifier } from './validate-identifier.js';
import type { WorkspaceProject } from './workspace-project.js';

const TYPE_FLAGS =
  ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum;

/**
 * Finds the rename target at `at` and validates `newName` for it.
 * @throws OrchestratorError `INVALID_IDENTIFIER`, `SYMBOL_NOT_FOUND` or `BAD_INPUT`.
 */
export function resolveRenameTarget(
  project: WorkspaceProject,
  at: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): RenameTarget {
  validateIdentifier(newName);
  const target = project.memo(`rename-sites:${at.file}:${at.line}:${at.column}`, () =>
    findRenameSites(project, at, signal),
  );
  const checker = project.program().getTypeChecker();
  const symbol =
    target.symbol !== undefined && target.symbol.flags & ts.SymbolFlags.Alias
      ? checker.getAliasedSymbol(target.symbol)
      : target.symbol;
  validateIdentifier(newName, { declaresType: ((symbol?.flags ?? 0) & TYPE_FLAGS) !== 0 });
  return target;
}

/**
 * The edits that rename the symbol at `at` to `newName` across the workspace, sorted by file,
 * line and column. Each edit's `oldText` is checked against the file text.
 */
export function findRenameEdits(
  project: WorkspaceProject,
  at: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): TextEdit[] {
  const target = resolveRenameTarget(project, at, newName, signal);
  const newText = toNewText(target.oldName, newName);
  if (target.oldName === newText) return [];
  return target.sites
    .map((site) => toTextEdit(project, site, target.oldName, newText))
    .sort(comparePositions);
}

/** A private name (`#old`) keeps its `#`: `fetch` → `#fetch`. */
export function toNewText(oldName: string, newName: string): string {
  return oldName.startsWith('#') ? `#${newName}` : newName;
}

function toTextEdit(
  project: WorkspaceProject,
  site: RenameSite,
  oldName: string,
  newName: string,
): TextEdit {
  const sourceFile = project.program().getSourceFile(site.fileName);
  const oldText = sourceFile?.text.slice(site.start, site.start + site.length);
  if (sourceFile === undefined || oldText !== oldName) {
    throw new OrchestratorError(
      'INTERNAL',
      `TypeScript proposed renaming ${JSON.stringify(oldText)} at ${project.toRelative(site.fileName)} offset ${site.start}, which is not ${JSON.stringify(oldName)}. The file may have changed; try again.`,
      {
        data: { file: project.toRelative(site.fileName), start: site.start, oldName },
        retryable: true,
      },
    );
  }
  const newText =
    site.mode === 'keep-property'
      ? `${oldName}: ${newName}`
      : site.mode === 'keep-value'
        ? `${newName}: ${oldName}`
        : newName;
  return {
    file: project.toRelative(site.fileName),
    ...toLineColumn(sourceFile, site.start),
    length: site.length,
    oldText,
    newText,
  };
}
