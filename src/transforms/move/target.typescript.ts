import type { SourcePosition } from '../../core/source-types.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  findNameNodeAt,
  toLineColumn,
  toProgramLocation,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { MovedDeclaration, MoveRefusal } from './contract.js';

/** The top-level statement a move takes, with its name and kind. */
export interface MoveStatement {
  sourceFile: ts.SourceFile;
  statement: ts.Statement;
  name: string;
  kind: MovedDeclaration['kind'];
}

/** Refused, with the reason the facts carry. */
export class MoveRefused extends Error {
  constructor(readonly refusal: MoveRefusal) {
    super(refusal.message);
  }
}

/** The one name a top-level statement declares (a move takes whole statements), if any. */
export function declaredName(statement: ts.Statement): ts.Identifier | undefined {
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  ) {
    return statement.name;
  }
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const [declaration] = statement.declarationList.declarations;
    return declaration !== undefined && ts.isIdentifier(declaration.name)
      ? declaration.name
      : undefined;
  }
  return undefined;
}

/** The kind of a movable statement. */
export function kindOf(statement: ts.Statement): MovedDeclaration['kind'] {
  if (ts.isFunctionDeclaration(statement)) return 'function';
  if (ts.isClassDeclaration(statement)) return 'class';
  if (ts.isVariableStatement(statement)) return 'variable';
  return 'other';
}

/** True when the statement carries the `kind` modifier (`export`, `default`). */
export function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === kind)
  );
}

function isDefaultExport(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
}

/** `Ledger.post` → `Ledger`: the nearest named declaration around a node, for messages. */
function ownerOf(node: ts.Node): string {
  for (let at = node.parent; at !== undefined && !ts.isSourceFile(at); at = at.parent) {
    const name = (at as { name?: ts.Node }).name;
    if (name !== undefined && name !== node && ts.isIdentifier(name)) return name.text;
  }
  return 'another declaration';
}

/**
 * The top-level statement that declares the name at `at`; refuses a name declared inside
 * something else, a statement that declares several names, and a default export.
 */
export function resolveMoveStatement(project: WorkspaceProject, at: SourcePosition): MoveStatement {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const node = findNameNodeAt(sourceFile, offset);
  const where = `${at.file}:${at.line}`;
  if (node === undefined || !ts.isIdentifier(node)) {
    throw new MoveRefused({
      reason: 'not-movable',
      message: `There is no declaration name at ${where}:${at.column}. Point at the name of a module-level function, class or variable.`,
    });
  }
  let statement: ts.Node = node;
  while (statement.parent !== undefined && !ts.isSourceFile(statement.parent))
    statement = statement.parent;
  const top = statement as ts.Statement;
  if (declaredName(top) !== node) {
    const declaresMany = ts.isVariableStatement(top) && top.declarationList.declarations.length > 1;
    throw new MoveRefused(
      declaresMany
        ? {
            reason: 'not-movable',
            message: `${node.text} at ${where} is declared together with other variables in one statement: split the statement first, then move it.`,
          }
        : {
            reason: 'not-module-level',
            message: `${node.text} at ${where} is declared inside ${ownerOf(node)}, not at module level: only module-level functions, classes and variables can move. Move ${ownerOf(node)} itself, or lift ${node.text} out first.`,
          },
    );
  }
  if (isDefaultExport(top)) {
    throw new MoveRefused({
      reason: 'not-movable',
      message: `${node.text} at ${where} is the module's default export: a move keeps named exports only. Make it a named export first.`,
    });
  }
  return { sourceFile, statement: top, name: node.text, kind: kindOf(top) };
}

/**
 * Refuses a target module that is the source itself, one the project does not compile, and one
 * that already declares (or imports from elsewhere) the name at its top level.
 */
export function refuseTarget(
  project: WorkspaceProject,
  moving: MoveStatement,
  to: string,
): ts.SourceFile | undefined {
  const source = project.toRelative(moving.sourceFile.fileName);
  if (to === source) {
    throw new MoveRefused({
      reason: 'same-module',
      message: `${moving.name} is already in ${to}: moving it into its own module changes nothing.`,
    });
  }
  const fileName = `${project.root}/${to}`;
  const target = project.program().getSourceFile(fileName);
  if (target === undefined) {
    if (project.files.fileExists(fileName)) {
      throw new MoveRefused({
        reason: 'not-movable',
        message: `${to} exists but is not part of the TypeScript/JavaScript project (tsconfig "include"/"files"), so the LanguageService cannot move code into it.`,
      });
    }
    return undefined;
  }
  for (const statement of target.statements) {
    const clash = clashingName(statement, moving.name, moving.sourceFile, project);
    if (clash !== undefined) {
      const { line } = toLineColumn(target, clash.getStart(target));
      throw new MoveRefused({
        reason: 'name-exists',
        message: `${to} already declares ${moving.name} at line ${line}: moving ${moving.name} there would clash with it. Rename one of them first.`,
      });
    }
  }
  return target;
}

function clashingName(
  statement: ts.Statement,
  name: string,
  source: ts.SourceFile,
  project: WorkspaceProject,
): ts.Node | undefined {
  const declared = declaredName(statement);
  if (declared?.text === name) return declared;
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.find(
      (d) => ts.isIdentifier(d.name) && d.name.text === name,
    );
  }
  if (!ts.isImportDeclaration(statement)) return undefined;
  const bindings = statement.importClause?.namedBindings;
  const checker = project.program().getTypeChecker();
  const fromSource =
    checker.getSymbolAtLocation(statement.moduleSpecifier)?.valueDeclaration === source;
  if (statement.importClause?.name?.text === name) return statement.importClause.name;
  if (bindings !== undefined && ts.isNamespaceImport(bindings) && bindings.name.text === name) {
    return bindings.name;
  }
  if (bindings === undefined || !ts.isNamedImports(bindings)) return undefined;
  // Importing the moved declaration itself from its module is no clash: the import goes.
  return bindings.elements.find(
    (e) => e.name.text === name && !(fromSource && (e.propertyName ?? e.name).text === name),
  )?.name;
}
