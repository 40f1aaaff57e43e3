import type { ImportEdge } from '../../../core/source-types.js';
import { compareStrings, throwIfAborted } from '../engine/workspace-files.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';

/** The module specifiers a file loads when it runs: imports, re-exports and `import x = require`, types left out. */
function runtimeSpecifiers(sourceFile: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly === true) continue;
      if (ts.isStringLiteralLike(statement.moduleSpecifier)) found.push(statement.moduleSpecifier);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier;
      if (specifier !== undefined && ts.isStringLiteralLike(specifier)) found.push(specifier);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      !statement.isTypeOnly &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteralLike(statement.moduleReference.expression)
    ) {
      found.push(statement.moduleReference.expression);
    }
  }
  return found;
}

/**
 * Edges between workspace files from their top-level runtime imports and re-exports, each
 * specifier resolved by the program's own checker — so files that exist only in an overlay
 * (`project.withOverlay`) resolve too. Type-only imports are left out (they load nothing).
 * Sorted by `from` then `to`; `names` is always empty.
 */
export function findStaticImports(project: WorkspaceProject, signal?: AbortSignal): ImportEdge[] {
  const program = project.program();
  const checker = program.getTypeChecker();
  const edges = new Map<string, ImportEdge>();
  for (const sourceFile of program.getSourceFiles()) {
    if (!project.isWorkspaceFile(sourceFile.fileName)) continue;
    throwIfAborted(signal);
    for (const specifier of runtimeSpecifiers(sourceFile)) {
      const declaration = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (declaration === undefined || !ts.isSourceFile(declaration)) continue;
      if (!project.isWorkspaceFile(declaration.fileName) || declaration === sourceFile) continue;
      const from = project.toRelative(sourceFile.fileName);
      const to = project.toRelative(declaration.fileName);
      edges.set(`${from}\0${to}`, { from, to, names: [] });
    }
  }
  return [...edges.values()].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to),
  );
}
