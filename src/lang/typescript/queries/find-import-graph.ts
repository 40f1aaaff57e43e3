import type { ImportEdge } from '../../../core/source-types.js';
import { compareStrings, throwIfAborted } from '../engine/workspace-files.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import { isRequireCall } from './commonjs.js';
import { findTokenAt } from './positions.js';

/**
 * The import graph between workspace files: for each file, the specifiers `ts.preProcessFile`
 * finds (imports, re-exports, `require`, `import()`), resolved with the workspace's module
 * resolution; edges to files outside the workspace are dropped. `names` lists the imported
 * export names (`default`, `*` for a whole module), sorted.
 */
export function findImportGraph(project: WorkspaceProject, signal?: AbortSignal): ImportEdge[] {
  const program = project.program();
  const options = program.getCompilerOptions();
  const cache = ts.createModuleResolutionCache(project.root, (f) => f, options);
  const edges = new Map<string, { from: string; to: string; names: Set<string> }>();
  for (const sourceFile of program.getSourceFiles()) {
    if (!project.isWorkspaceFile(sourceFile.fileName)) continue;
    throwIfAborted(signal);
    const namesBySpecifier = collectImportedNames(sourceFile);
    const { importedFiles } = ts.preProcessFile(sourceFile.text, true, true);
    for (const imported of importedFiles) {
      const resolved = ts.resolveModuleName(
        imported.fileName,
        sourceFile.fileName,
        options,
        ts.sys,
        cache,
        undefined,
        resolutionModeOf(program, sourceFile, imported),
      ).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport === true) continue;
      const target = resolved.resolvedFileName.replaceAll('\\', '/');
      if (!project.isWorkspaceFile(target) || target === sourceFile.fileName) continue;
      const from = project.toRelative(sourceFile.fileName);
      const to = project.toRelative(target);
      const key = `${from}\0${to}`;
      const edge = edges.get(key) ?? { from, to, names: new Set<string>() };
      for (const name of namesBySpecifier.get(imported.fileName) ?? []) edge.names.add(name);
      edges.set(key, edge);
    }
  }
  return [...edges.values()]
    .map((edge) => ({ from: edge.from, to: edge.to, names: [...edge.names].sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}

/** ESM or CommonJS resolution for one specifier (matters for node16/nodenext). */
function resolutionModeOf(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  imported: ts.FileReference,
): ts.ResolutionMode {
  const node = findTokenAt(sourceFile, imported.pos);
  if (node === undefined || !ts.isStringLiteralLike(node)) return undefined;
  return program.getModeForUsageLocation(sourceFile, node);
}

/** Export names imported per module specifier, from the file's import/export/require syntax. */
function collectImportedNames(sourceFile: ts.SourceFile): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (specifier: ts.Expression | undefined, imported: string[]): void => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return;
    names.set(specifier.text, [...(names.get(specifier.text) ?? []), ...imported]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, importClauseNames(node.importClause));
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const exported =
        clause === undefined || ts.isNamespaceExport(clause)
          ? ['*']
          : clause.elements.map((e) => (e.propertyName ?? e.name).text);
      add(node.moduleSpecifier, exported);
    } else if (ts.isVariableDeclaration(node) && isRequireCall(node.initializer)) {
      const call = node.initializer as ts.CallExpression;
      add(call.arguments[0], bindingNames(node.name));
      return;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], ['*']);
    } else if (isRequireCall(node)) {
      const call = node as ts.CallExpression;
      const parent = call.parent;
      add(call.arguments[0], ts.isPropertyAccessExpression(parent) ? [parent.name.text] : ['*']);
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return names;
}

function importClauseNames(clause: ts.ImportClause | undefined): string[] {
  if (clause === undefined) return [];
  const result: string[] = [];
  if (clause.name !== undefined) result.push('default');
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) result.push('*');
  if (bindings !== undefined && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements)
      result.push((element.propertyName ?? element.name).text);
  }
  return result;
}

function bindingNames(name: ts.BindingName): string[] {
  if (!ts.isObjectBindingPattern(name)) return ['*'];
  return name.elements.map((e) =>
    e.propertyName !== undefined && ts.isIdentifier(e.propertyName)
      ? e.propertyName.text
      : ts.isIdentifier(e.name)
        ? e.name.text
        : '*',
  );
}
