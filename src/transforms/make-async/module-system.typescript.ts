import path from 'node:path';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';
import { findCompilerOptions } from './tsconfig-options.typescript.js';

/** How a file runs, as far as its top-level code may wait. */
export interface ModuleSystem {
  system: 'esm' | 'commonjs';
  /** True when its top level may `await` (ESM, a module, and a tsconfig that allows it). */
  topLevelAwait: boolean;
}

/** The nearest package.json's fields that matter here. */
export interface PackageInfo {
  /** Absolute folder of the package.json. */
  directory: string;
  type: 'module' | 'commonjs';
  /** Absolute files its `bin` field names. */
  bin: string[];
}

const TOP_LEVEL_AWAIT_MODULES = new Set<ts.ModuleKind | undefined>([
  ts.ModuleKind.ES2022,
  ts.ModuleKind.ESNext,
  ts.ModuleKind.System,
  ts.ModuleKind.Node16,
  ts.ModuleKind.Node18,
  ts.ModuleKind.Node20,
  ts.ModuleKind.NodeNext,
  ts.ModuleKind.Preserve,
]);

const COMMONJS_MODULES = new Set<ts.ModuleKind | undefined>([
  ts.ModuleKind.CommonJS,
  ts.ModuleKind.AMD,
  ts.ModuleKind.UMD,
  ts.ModuleKind.Node16,
  ts.ModuleKind.Node18,
  ts.ModuleKind.Node20,
  ts.ModuleKind.NodeNext,
]);

/**
 * ESM or CommonJS, by the rules Node and TypeScript apply: `.mjs`/`.mts` are ESM and
 * `.cjs`/`.cts` CommonJS; otherwise the nearest package.json's `"type"`; otherwise a file with
 * `import`/`export` under a tsconfig `module` that emits ESM (es2022, esnext, preserve…) is ESM,
 * and the rest is CommonJS (by the nearest tsconfig that includes the file). Top-level `await`
 * also needs a module file and a tsconfig `module` that allows it (es2022, esnext, system, node16+, nodenext, preserve) with a target ≥ es2017.
 */
export function findModuleSystem(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
): ModuleSystem {
  const fileName = sourceFile.fileName;
  const options = findCompilerOptions(project, fileName);
  const isJs = /\.[cm]?jsx?$/.test(fileName);
  const isModuleFile = ts.isExternalModule(sourceFile) || /\.m[jt]s$/.test(fileName);
  const system = systemOf(project, sourceFile, options);
  const tsAllows =
    TOP_LEVEL_AWAIT_MODULES.has(options.module) &&
    (options.target === undefined || options.target >= ts.ScriptTarget.ES2017);
  const topLevelAwait =
    system === 'esm' &&
    (isModuleFile || (isJs && findPackageInfo(project, fileName)?.type === 'module')) &&
    (isJs || tsAllows);
  return { system, topLevelAwait };
}

function systemOf(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
  options: ts.CompilerOptions,
): ModuleSystem['system'] {
  const fileName = sourceFile.fileName;
  if (/\.m[jt]s$/.test(fileName)) return 'esm';
  if (/\.c[jt]s$/.test(fileName)) return 'commonjs';
  if (findPackageInfo(project, fileName)?.type === 'module') return 'esm';
  if (!hasModuleSyntax(sourceFile)) return 'commonjs';
  return COMMONJS_MODULES.has(options.module) ? 'commonjs' : 'esm';
}

/** True for a file with `import` or `export` statements (not `require`). */
export function hasModuleSyntax(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)),
  );
}

/** The nearest package.json from `fileName` up to the workspace root, read through the overlay. */
export function findPackageInfo(
  project: WorkspaceProject,
  fileName: string,
): PackageInfo | undefined {
  let directory = path.posix.dirname(fileName);
  for (;;) {
    const found = readPackageInfo(project, directory);
    if (found !== undefined) return found;
    if (directory === project.root || !directory.startsWith(`${project.root}/`)) return undefined;
    directory = path.posix.dirname(directory);
  }
}

function readPackageInfo(project: WorkspaceProject, directory: string): PackageInfo | undefined {
  return project.memo(`make-async:package-json:${directory}`, () => {
    const text = project.files.readFile(`${directory}/package.json`);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof json !== 'object' || json === null) return undefined;
    const { type, bin } = json as { type?: unknown; bin?: unknown };
    const binPaths =
      typeof bin === 'string'
        ? [bin]
        : typeof bin === 'object' && bin !== null
          ? Object.values(bin)
          : [];
    return {
      directory,
      type: type === 'module' ? 'module' : 'commonjs',
      bin: binPaths
        .filter((p): p is string => typeof p === 'string')
        .map((p) => path.posix.join(directory, p))
        .sort(),
    };
  });
}

/**
 * True for a program's entry point: a file a package.json `bin` names, or a script in a
 * `bin/` folder of a package.
 */
export function isEntryPoint(project: WorkspaceProject, fileName: string): boolean {
  const info = findPackageInfo(project, fileName);
  if (info?.bin.includes(fileName) === true) return true;
  const base = info?.directory ?? project.root;
  return path.posix.dirname(fileName) === `${base}/bin`;
}
