import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';

/** A class (declaration or expression) or an interface. */
export type ClassLike = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

function isClassLikeOrInterface(node: ts.Node): node is ClassLike {
  return ts.isClassLike(node) || ts.isInterfaceDeclaration(node);
}

/**
 * The classes and interfaces `cls` extends or implements, as declared (through import aliases),
 * in the order of its heritage clauses.
 */
export function findBaseDeclarations(checker: ts.TypeChecker, cls: ClassLike): ClassLike[] {
  const found: ClassLike[] = [];
  for (const clause of cls.heritageClauses ?? []) {
    for (const type of clause.types) {
      let symbol = checker.getSymbolAtLocation(type.expression);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias)
        symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) {
        if (isClassLikeOrInterface(declaration) && !found.includes(declaration))
          found.push(declaration);
      }
    }
  }
  return found;
}

/** Every class and interface declared in the workspace's own files, in file order. */
export function listWorkspaceClassLikes(project: WorkspaceProject): ClassLike[] {
  return project.memo('class-likes', () => {
    const found: ClassLike[] = [];
    const visit = (node: ts.Node): void => {
      if (isClassLikeOrInterface(node)) found.push(node);
      node.forEachChild(visit);
    };
    for (const sourceFile of project.program().getSourceFiles()) {
      if (project.isWorkspaceFile(sourceFile.fileName) && !sourceFile.isDeclarationFile)
        visit(sourceFile);
    }
    return found;
  });
}

/** The workspace classes and interfaces that extend or implement `cls` directly. */
export function findDerivedDeclarations(project: WorkspaceProject, cls: ClassLike): ClassLike[] {
  const checker = project.program().getTypeChecker();
  const derived = project.memo('class-derived', () => {
    const map = new Map<ClassLike, ClassLike[]>();
    for (const candidate of listWorkspaceClassLikes(project)) {
      for (const base of findBaseDeclarations(checker, candidate))
        map.set(base, [...(map.get(base) ?? []), candidate]);
    }
    return map;
  });
  return derived.get(cls) ?? [];
}
