import type { NameCollision, SourcePosition } from '../../core/source-types.js';
import { throwIfAborted } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  comparePositions,
  findNameNodeAt,
  toLineColumn,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { resolveRenameTarget, toNewText } from './edits.typescript.js';
import type { RenameSite } from './sites.typescript.js';

/**
 * Existing names that renaming the symbol at `at` to `newName` would clash with: a binding of
 * `newName` already visible at any use (or the declaration) of the symbol, a global it would
 * shadow in a file that uses that global, or a member `newName` in the same class, object,
 * interface or enum. Sorted by file, line and column.
 */
export function findRenameCollisions(
  project: WorkspaceProject,
  at: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): NameCollision[] {
  const target = resolveRenameTarget(project, at, newName, signal);
  if (target.oldName === toNewText(target.oldName, newName)) return [];
  const checker = project.program().getTypeChecker();
  const symbol = resolveAlias(checker, target.symbol);
  const meaning = meaningOf(symbol);
  const collisions = new Map<string, NameCollision>();
  const filesShadowingGlobal = new Set<string>();
  const report = (node: ts.Node, reason: string): void => {
    const sourceFile = node.getSourceFile();
    if (!project.isWorkspaceFile(sourceFile.fileName)) return;
    const position = {
      file: project.toRelative(sourceFile.fileName),
      ...toLineColumn(sourceFile, node.getStart(sourceFile)),
    };
    const key = `${position.file}:${position.line}:${position.column}`;
    if (!collisions.has(key)) collisions.set(key, { ...position, name: newName, reason });
  };

  const sites = [...target.sites].sort((a, b) =>
    a.fileName === b.fileName ? a.start - b.start : a.fileName < b.fileName ? -1 : 1,
  );
  for (const site of sites) {
    throwIfAborted(signal);
    const sourceFile = project.program().getSourceFile(site.fileName);
    const node = sourceFile === undefined ? undefined : findNameNodeAt(sourceFile, site.start);
    if (sourceFile === undefined || node === undefined || !ts.isIdentifier(node)) continue;
    const where = `${project.toRelative(site.fileName)}:${toLineColumn(sourceFile, site.start).line}`;
    if (isScopedName(node, site)) {
      const found = checker.resolveName(newName, node, meaning, false);
      const existing = resolveAlias(checker, found);
      if (found !== undefined && existing !== undefined && existing !== symbol) {
        // An import of a library name is declared here even though its target is not.
        const declaration = found.declarations?.[0];
        const declaredHere =
          declaration !== undefined &&
          project.isWorkspaceFile(declaration.getSourceFile().fileName);
        if (declaredHere) {
          report(
            ts.getNameOfDeclaration(declaration) ?? declaration,
            `"${newName}" is already declared and visible at ${where}, where "${target.oldName}" is used; renaming would make them clash.`,
          );
        } else if (
          !filesShadowingGlobal.has(site.fileName) &&
          usesSymbol(checker, sourceFile, newName, existing)
        ) {
          filesShadowingGlobal.add(site.fileName);
          report(
            node,
            `"${newName}" would shadow the global "${newName}" that ${project.toRelative(site.fileName)} uses.`,
          );
        }
      }
    }
    // `{ old: newName }` keeps the property name, so only renamed members can clash.
    const member =
      site.mode === 'keep-property' ? undefined : findSameNamedMember(checker, node, newName);
    if (member !== undefined && member !== symbol) {
      const declaration = member.declarations?.[0];
      report(
        declaration === undefined ? node : (ts.getNameOfDeclaration(declaration) ?? declaration),
        `The class, object or interface that declares "${target.oldName}" at ${where} already has a member "${newName}".`,
      );
    }
  }
  return [...collisions.values()].sort(comparePositions);
}

function resolveAlias(
  checker: ts.TypeChecker,
  symbol: ts.Symbol | undefined,
): ts.Symbol | undefined {
  if (symbol === undefined || (symbol.flags & ts.SymbolFlags.Alias) === 0) return symbol;
  return checker.getAliasedSymbol(symbol);
}

function meaningOf(symbol: ts.Symbol | undefined): ts.SymbolFlags {
  const all = ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace;
  if (symbol === undefined) return all;
  let meaning = ts.SymbolFlags.None;
  if (symbol.flags & ts.SymbolFlags.Value) meaning |= ts.SymbolFlags.Value;
  if (symbol.flags & ts.SymbolFlags.Type) meaning |= ts.SymbolFlags.Type;
  if (symbol.flags & ts.SymbolFlags.Namespace) meaning |= ts.SymbolFlags.Namespace;
  return meaning === ts.SymbolFlags.None ? all : meaning;
}

/** True when `node` names a binding looked up by scope (not a property or an export name). */
function isScopedName(node: ts.Identifier, site: RenameSite): boolean {
  if (site.mode === 'keep-property') return true;
  if (site.mode === 'keep-value') return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name !== node;
  if (ts.isQualifiedName(parent)) return parent.right !== node;
  if (ts.isImportSpecifier(parent) || ts.isBindingElement(parent))
    return parent.propertyName !== node;
  if (ts.isExportSpecifier(parent)) {
    if (parent.parent.parent.moduleSpecifier !== undefined) return false;
    return parent.propertyName === node || parent.propertyName === undefined;
  }
  return !isMemberName(node);
}

function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isClassElement(parent) ||
      ts.isTypeElement(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isShorthandPropertyAssignment(parent) ||
      ts.isEnumMember(parent) ||
      ts.isMethodDeclaration(parent)) &&
    parent.name === node
  );
}

/** For a member's name, a member called `newName` on the same class, object, interface or enum. */
function findSameNamedMember(
  checker: ts.TypeChecker,
  node: ts.Identifier,
  newName: string,
): ts.Symbol | undefined {
  if (!isMemberName(node)) return undefined;
  const member = node.parent;
  const container = member.parent;
  if (ts.isEnumDeclaration(container)) {
    const other = container.members.find((m) => m.name.getText() === newName);
    return other === undefined ? undefined : checker.getSymbolAtLocation(other.name);
  }
  let type: ts.Type;
  if (ts.isClassLike(container)) {
    const isStatic =
      ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static;
    const classSymbol =
      container.name === undefined ? undefined : checker.getSymbolAtLocation(container.name);
    if (isStatic && classSymbol !== undefined)
      type = checker.getTypeOfSymbolAtLocation(classSymbol, container);
    else type = checker.getTypeAtLocation(container);
  } else if (
    ts.isObjectLiteralExpression(container) ||
    ts.isInterfaceDeclaration(container) ||
    ts.isTypeLiteralNode(container)
  ) {
    type = checker.getTypeAtLocation(container);
  } else {
    return undefined;
  }
  return checker.getPropertyOfType(type, newName);
}

/** True when an identifier `name` in `sourceFile` refers to `symbol`. */
function usesSymbol(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  name: string,
  symbol: ts.Symbol,
): boolean {
  const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const match of sourceFile.text.matchAll(pattern)) {
    const node = findNameNodeAt(sourceFile, match.index);
    if (
      node !== undefined &&
      ts.isIdentifier(node) &&
      checker.getSymbolAtLocation(node) === symbol
    ) {
      return true;
    }
  }
  return false;
}
