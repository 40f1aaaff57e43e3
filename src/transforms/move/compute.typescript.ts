import path from 'node:path';
import type { EditFileChange, FileChange } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findStaticImports } from '../../lang/typescript/queries/find-static-imports.js';
import { toLineColumn } from '../../lang/typescript/queries/positions.js';
import { applyTextChanges, toFileChanges } from '../../lang/typescript/queries/to-file-changes.js';
import ts from '../../lang/typescript/typescript.js';
import { requirePosition } from '../require-position.js';
import { applyRangeEdits } from './apply-edits.js';
import type { MoveArgs, MoveFacts } from './contract.js';
import { findPrivateHelpers } from './helpers.typescript.js';
import { findNewCycles } from './import-cycles.js';
import { findReExportEdits } from './re-exports.typescript.js';
import { toMoveReason } from './reasons.js';
import { runMoveToFile } from './refactor.typescript.js';
import {
  declaredName,
  kindOf,
  MoveRefused,
  refuseTarget,
  resolveMoveStatement,
} from './target.typescript.js';
import { toDiffEdits } from './text-diff.js';

const ENGINE = `TypeScript ${ts.version} "Move to file"`;

/** `to` as a clean workspace-relative path; `PATH_OUTSIDE_WORKSPACE` when it climbs out. */
function toTargetPath(to: string): string {
  const clean = path.posix.normalize(to.replaceAll('\\', '/'));
  if (clean.startsWith('../') || clean === '..' || path.posix.isAbsolute(clean)) {
    throw new OrchestratorError('PATH_OUTSIDE_WORKSPACE', `${to} is outside the workspace.`, {
      data: { to },
    });
  }
  return clean;
}

/**
 * The move of the top-level declaration at `target` to `args.to` by TypeScript's own "Move to
 * file" refactor, with the private helpers only it uses, plus the re-exports the refactor leaves
 * (see {@link findReExportEdits}); facts say what moved, what the new module imports back from
 * the old one, and which import cycles the change would bring.
 */
export async function computeMoveTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: MoveArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  try {
    return await computeMove(project, target, toTargetPath(args.to), signal);
  } catch (error) {
    if (!(error instanceof MoveRefused)) throw error;
    const facts: MoveFacts = {
      refusal: error.refusal,
      moved: [],
      importedFromSource: [],
      newCycles: [],
      engine: ENGINE,
    };
    return { changes: [], facts };
  }
}

async function computeMove(
  project: WorkspaceProject,
  target: TransformTarget,
  to: string,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const moving = resolveMoveStatement(project, requirePosition(target, 'move'));
  refuseTarget(project, moving, to);
  const { sourceFile } = moving;
  const source = project.toRelative(sourceFile.fileName);
  const helpers = findPrivateHelpers(project, sourceFile, moving.statement);
  const statements = [moving.statement, ...helpers].sort((a, b) => a.pos - b.pos);
  const targetFileName = `${project.root}/${to}`;
  const refactor = await runMoveToFile(project, sourceFile, statements, targetFileName);
  const byFile = new Map<
    string,
    { fileName: string; isNewFile?: boolean; textChanges: ts.TextChange[] }
  >();
  for (const entry of refactor.edits) {
    byFile.set(entry.fileName, { ...entry, textChanges: [...entry.textChanges] });
  }
  const reExports = findReExportEdits(project, sourceFile.fileName, targetFileName, moving.name);
  for (const { fileName, change } of reExports) {
    const entry = byFile.get(fileName) ?? { fileName, textChanges: [] };
    entry.textChanges.push(change);
    byFile.set(fileName, entry);
  }
  const reordered = refactor.oldText !== sourceFile.text;
  const reasonOf = (file: string, oldText: string, newText: string, lineText: string): string => {
    if (oldText === '' && newText.trim() === 'export') {
      return 'export added: the moved code imports it';
    }
    if (
      /^\s*(?:import|export)\b[^(]*\bfrom\b/.test(lineText) &&
      !/[\r\n]/.test(oldText + newText)
    ) {
      return /^\s*export\b/.test(lineText) ? 're-export updated' : 'import updated';
    }
    const role = file === source ? 'source' : file === to ? 'target' : 'importer';
    return toMoveReason(role, source, to)(oldText, newText);
  };
  const changes = toFileChanges(
    project,
    [...byFile.values()].filter((e) => !(reordered && e.fileName === sourceFile.fileName)),
    reasonOf,
    () => `new module for ${moving.name}, moved from ${source}`,
  );
  if (reordered) {
    const final = applyTextChanges(
      refactor.oldText,
      byFile.get(sourceFile.fileName)?.textChanges ?? [],
    );
    const edits = toDiffEdits(sourceFile.text, final, toMoveReason('source', source, to));
    changes.push({ op: 'edit', file: source, edits });
    changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  const texts = toFinalTexts(project, changes);
  const before = findStaticImports(project, signal);
  const { after, importedFromSource } = await project.withOverlay(texts, () => ({
    after: findStaticImports(project, signal),
    importedFromSource: importedFrom(project, targetFileName, sourceFile.fileName),
  }));
  const facts: MoveFacts = {
    moved: statements
      .map((statement) => ({
        name: (declaredName(statement) as ts.Identifier).text,
        kind: kindOf(statement),
        role: statement === moving.statement ? ('symbol' as const) : ('helper' as const),
        line: toLineColumn(sourceFile, statement.getStart(sourceFile)).line,
      }))
      .sort((a, b) => (a.role === b.role ? a.line - b.line : a.role === 'symbol' ? -1 : 1)),
    importedFromSource,
    newCycles: findNewCycles(before, after),
    engine: ENGINE,
  };
  return { changes, facts };
}

/** Every changed file's text once the changes are applied (workspace-relative). */
function toFinalTexts(
  project: WorkspaceProject,
  changes: readonly FileChange[],
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const change of changes) {
    if (change.op === 'create') texts.set(change.file, change.text);
    if (change.op !== 'edit') continue;
    const text = project.files.readFile(`${project.root}/${change.file}`) ?? '';
    texts.set(change.file, applyRangeEdits(text, (change as EditFileChange).edits));
  }
  return texts;
}

/** Names `fileName` imports from `sourceFileName` (in the program as it is now). */
function importedFrom(
  project: WorkspaceProject,
  fileName: string,
  sourceFileName: string,
): string[] {
  const program = project.program();
  const file = program.getSourceFile(fileName);
  const checker = program.getTypeChecker();
  const names = new Set<string>();
  for (const statement of file?.statements ?? []) {
    if (!ts.isImportDeclaration(statement)) continue;
    const resolved = checker.getSymbolAtLocation(statement.moduleSpecifier)?.valueDeclaration;
    if (
      resolved === undefined ||
      !ts.isSourceFile(resolved) ||
      resolved.fileName !== sourceFileName
    )
      continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings !== undefined && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements)
        names.add((element.propertyName ?? element.name).text);
    }
  }
  return [...names].sort();
}
