import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toPositionTuple } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { validateIdentifier } from '../../lang/typescript/validate-identifier.js';
import { findRenameSites, type RenameSite, type RenameTarget } from './sites.typescript.js';

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
 * The edits that rename the symbol at `at` to `newName` across the workspace, one change per
 * file, sorted by file and position. Each edit's `oldText` is checked against the file text.
 */
export function findRenameChanges(
  project: WorkspaceProject,
  at: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): EditFileChange[] {
  const target = resolveRenameTarget(project, at, newName, signal);
  const newText = toNewText(target.oldName, newName);
  if (target.oldName === newText) return [];
  const byFile = new Map<string, RangeEdit[]>();
  for (const site of target.sites) {
    const file = project.toRelative(site.fileName);
    const edits = byFile.get(file) ?? [];
    edits.push(toRangeEdit(project, site, target, newText));
    byFile.set(file, edits);
  }
  return [...byFile.keys()].sort(compareText).map((file) => ({
    op: 'edit',
    file,
    edits: (byFile.get(file) as RangeEdit[]).sort(
      (a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1],
    ),
  }));
}

/** A private name (`#old`) keeps its `#`: `fetch` → `#fetch`. */
export function toNewText(oldName: string, newName: string): string {
  return oldName.startsWith('#') ? `#${newName}` : newName;
}

function toRangeEdit(
  project: WorkspaceProject,
  site: RenameSite,
  target: RenameTarget,
  newName: string,
): RangeEdit {
  const { oldName } = target;
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
    start: toPositionTuple(sourceFile, site.start),
    end: toPositionTuple(sourceFile, site.start + site.length),
    oldText,
    newText,
    reason: site.reason,
  };
}
