import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';
import {
  compareUnits,
  type FunctionUnit,
  qualifiedName,
  toUnitOfDeclaration,
} from './function-units.typescript.js';
import { nameText } from './names.typescript.js';

/** A member that moves together with another, and why (the reason it joins). */
export interface HierarchyMate {
  unit: FunctionUnit;
  reason: string;
}

type Container = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

/**
 * The members that must move with class or interface member `unit`: the base members it
 * overrides or implements (nearest declaration up each heritage path) and the members of
 * subclasses and implementers that override or implement it (through classes that inherit it
 * without declaring it). Workspace files only; sorted by position.
 */
export function findHierarchyMates(project: WorkspaceProject, unit: FunctionUnit): HierarchyMate[] {
  const container = unit.declaration.parent;
  if (container === undefined || !isContainer(container) || isStaticOrPrivate(unit)) return [];
  const checker = project.program().getTypeChecker();
  const mates: HierarchyMate[] = [];
  const own = qualifiedName(unit);
  for (const heritage of heritageTypes(container)) {
    const property = checker.getTypeAtLocation(heritage).getProperty(unit.name);
    for (const declaration of property?.declarations ?? []) {
      if (!project.isWorkspaceFile(declaration.getSourceFile().fileName)) continue;
      const mate = toUnitOfDeclaration(declaration);
      if (mate === undefined) continue;
      mates.push({ unit: mate, reason: `${upwardWord(container, declaration.parent)} ${own}` });
    }
  }
  const symbol = containerSymbol(checker, container);
  const pending = symbol === undefined ? [] : [symbol];
  const seen = new Set<ts.Symbol>(pending);
  while (pending.length > 0) {
    const parent = pending.shift() as ts.Symbol;
    for (const child of findChildren(project, checker, parent)) {
      const member = child.members.find(
        (m: ts.ClassElement | ts.TypeElement) =>
          m.name !== undefined && nameText(m.name) === unit.name,
      );
      const mate = member === undefined ? undefined : toUnitOfDeclaration(member);
      if (mate !== undefined) {
        mates.push({ unit: mate, reason: `${downwardWord(container, child)} ${own}` });
        continue;
      }
      const childSymbol = containerSymbol(checker, child);
      if (childSymbol !== undefined && !seen.has(childSymbol)) {
        seen.add(childSymbol);
        pending.push(childSymbol);
      }
    }
  }
  return mates.sort((a, b) => compareUnits(a.unit, b.unit));
}

function isContainer(node: ts.Node): node is Container {
  return ts.isClassLike(node) || ts.isInterfaceDeclaration(node);
}

function isStaticOrPrivate(unit: FunctionUnit): boolean {
  const declaration = unit.declaration as ts.Declaration;
  const flags = ts.getCombinedModifierFlags(declaration);
  return (
    (flags & (ts.ModifierFlags.Static | ts.ModifierFlags.Private)) !== 0 ||
    unit.name.startsWith('#')
  );
}

function heritageTypes(container: Container): ts.ExpressionWithTypeArguments[] {
  return (container.heritageClauses ?? []).flatMap((clause) => [...clause.types]);
}

function containerSymbol(checker: ts.TypeChecker, container: Container): ts.Symbol | undefined {
  return container.name === undefined
    ? checker.getTypeAtLocation(container).getSymbol()
    : checker.getSymbolAtLocation(container.name);
}

/** Why a base member joins: its subclass's member overrides it, or a class implements it. */
function upwardWord(container: Container, base: ts.Node): string {
  if (ts.isInterfaceDeclaration(base) || ts.isTypeLiteralNode(base)) {
    return ts.isInterfaceDeclaration(container) ? 'extended by' : 'implemented by';
  }
  return 'overridden by';
}

/** Why a subclass's (or implementer's) member joins. */
function downwardWord(container: Container, child: Container): string {
  if (ts.isInterfaceDeclaration(container))
    return ts.isInterfaceDeclaration(child) ? 'extends' : 'implements';
  return 'overrides';
}

/** Classes and interfaces of the workspace whose heritage names `parent` directly. */
function findChildren(
  project: WorkspaceProject,
  checker: ts.TypeChecker,
  parent: ts.Symbol,
): Container[] {
  return allContainers(project).filter((candidate) =>
    heritageTypes(candidate).some((heritage) => {
      const type = checker.getTypeAtLocation(heritage);
      return (
        type.getSymbol() === parent || checker.getSymbolAtLocation(heritage.expression) === parent
      );
    }),
  );
}

/** Every class and interface with a heritage clause in the workspace, in file order. */
function allContainers(project: WorkspaceProject): Container[] {
  return project.memo('make-async:heritage-containers', () => {
    const found: Container[] = [];
    const visit = (node: ts.Node): void => {
      if (isContainer(node) && (node.heritageClauses?.length ?? 0) > 0) found.push(node);
      node.forEachChild(visit);
    };
    for (const sourceFile of project.program().getSourceFiles()) {
      if (project.isWorkspaceFile(sourceFile.fileName)) visit(sourceFile);
    }
    return found;
  });
}
