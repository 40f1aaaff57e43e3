import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';
import { declaredName, hasModifier } from './target.typescript.js';

function isExported(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.ExportKeyword);
}

/** The top-level statements of `sourceFile` that identifiers inside `node` resolve to. */
function usedStatements(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  node: ts.Node,
): Set<ts.Statement> {
  const used = new Set<ts.Statement>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) {
      for (const declaration of checker.getSymbolAtLocation(child)?.declarations ?? []) {
        let top: ts.Node = declaration;
        while (top.parent !== undefined && !ts.isSourceFile(top.parent)) top = top.parent;
        if (top.parent === sourceFile) used.add(top as ts.Statement);
      }
    }
    child.forEachChild(visit);
  };
  node.forEachChild(visit);
  return used;
}

/**
 * The private helpers that move with `target`: top-level declarations of its file that are not
 * exported, that it uses (directly or through each other), and that nothing else references —
 * no other statement of the file, no other file. Sorted by position.
 */
export function findPrivateHelpers(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
  target: ts.Statement,
): ts.Statement[] {
  const checker = project.program().getTypeChecker();
  const candidates = new Set(
    sourceFile.statements.filter(
      (s) => s !== target && declaredName(s) !== undefined && !isExported(s),
    ),
  );
  const chosen = new Set<ts.Statement>();
  const stack = [target];
  while (stack.length > 0) {
    for (const statement of usedStatements(checker, sourceFile, stack.pop() as ts.Statement)) {
      if (candidates.has(statement) && !chosen.has(statement)) {
        chosen.add(statement);
        stack.push(statement);
      }
    }
  }
  const referencesOf = new Map<ts.Statement, Array<{ fileName: string; start: number }>>();
  for (const statement of chosen) {
    const name = declaredName(statement) as ts.Identifier;
    const found =
      project.service.getReferencesAtPosition(sourceFile.fileName, name.getStart(sourceFile)) ?? [];
    referencesOf.set(
      statement,
      found.map((r) => ({ fileName: r.fileName, start: r.textSpan.start })),
    );
  }
  const inside = (at: { fileName: string; start: number }): boolean =>
    at.fileName === sourceFile.fileName &&
    [target, ...chosen].some((s) => at.start >= s.getFullStart() && at.start < s.end);
  let changed = true;
  while (changed) {
    changed = false;
    for (const statement of [...chosen]) {
      if (!(referencesOf.get(statement) ?? []).every(inside)) {
        chosen.delete(statement);
        changed = true;
      }
    }
  }
  return [...chosen].sort((a, b) => a.pos - b.pos);
}
