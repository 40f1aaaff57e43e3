import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isSourceFileName } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { lineTextAt, toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { type ClosureResult, chainOf, type Member } from './closure-types.typescript.js';
import { findEnclosingContext, isAsyncFunction } from './enclosing.typescript.js';
import {
  type FunctionBody,
  qualifiedName,
  toUnitOfDeclaration,
  toUnitOfFunction,
} from './function-units.typescript.js';
import { findPackageInfo } from './module-system.typescript.js';
import { isConsumedAsPromise } from './promise-types.typescript.js';

/** A script the LanguageService does not load (no extension) with the checker that reads it. */
export interface EntryScript {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  esm: boolean;
}

/**
 * Follows the closure into Node entry scripts without an extension (`bin/cli`, or a package.json
 * `bin` entry the LanguageService does not load): each is read as JavaScript in a small program
 * that shares the workspace's parsed files, so its imports and `require`s resolve to the same
 * declarations. Calls of closure members at their top level become entry-point boundaries
 * (top-level await in ESM, an async IIFE in CommonJS); functions of the script that call them
 * join, and their calls are followed within the script. Appends to `closure`; returns the
 * scripts read.
 */
export function addEntryScripts(project: WorkspaceProject, closure: ClosureResult): EntryScript[] {
  const scripts = findEntryScripts(project);
  if (scripts.length === 0 || closure.members.length === 0) return [];
  const program = project.memo(`make-async:entry-scripts:${scripts.join('\0')}`, () =>
    createScriptProgram(project, scripts),
  );
  const checker = program.getTypeChecker();
  const loaded: EntryScript[] = [];
  const byKey = new Map(closure.members.map((m) => [m.unit.key, m]));
  for (const fileName of scripts) {
    const sourceFile = program.getSourceFile(fileName);
    if (sourceFile === undefined) continue;
    const script = {
      sourceFile,
      checker,
      esm: findPackageInfo(project, fileName)?.type === 'module',
    };
    loaded.push(script);
    followInScript(project, script, byKey, closure);
  }
  return loaded;
}

function followInScript(
  project: WorkspaceProject,
  script: EntryScript,
  byKey: Map<string, Member>,
  closure: ClosureResult,
): void {
  const { sourceFile, checker } = script;
  const file = project.toRelative(sourceFile.fileName);
  const done = new Set<ts.Node>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const call of callsOf(sourceFile)) {
      const member = done.has(call) ? undefined : byKey.get(calleeKey(checker, call) ?? '');
      if (member === undefined || isConsumedAsPromise(call)) continue;
      done.add(call);
      grew = true;
      const context = findEnclosingContext(call);
      const where = `${file}:${toLineColumn(sourceFile, call.getStart(sourceFile)).line}`;
      if (context.kind === 'module') {
        const boundary = {
          node: call,
          kind: 'entry-point' as const,
          detail: `${lineTextAt(sourceFile, call.getStart(sourceFile)).trim()} runs at the top level of ${file}`,
          chain: [...chainOf(member), `${file} (top level)`],
          handling: 'wrapped' as const,
          how: script.esm ? 'top-level await' : 'async IIFE',
        };
        closure.boundaries.push(boundary);
        closure.topLevel.push({ expression: call, promiseAll: false, boundary });
        continue;
      }
      if (context.kind === 'function' && isAsyncFunction(context.fn)) {
        closure.awaits.push({ expression: call, promiseAll: false });
        continue;
      }
      const unit = context.kind === 'function' ? toUnitOfFunction(context.fn) : undefined;
      if (unit === undefined || !isPlainFunction(unit.fn)) {
        const detail = `${qualifiedName(member.unit)}() is called at ${where} from code of the script that is neither its top level nor a named function`;
        closure.boundaries.push({
          node: call,
          kind: 'entry-point',
          detail,
          chain: [...chainOf(member), file],
          handling: 'refused',
        });
        continue;
      }
      closure.awaits.push({ expression: call, promiseAll: false });
      if (byKey.has(unit.key)) continue;
      const joined: Member = {
        unit,
        reason: `calls ${qualifiedName(member.unit)} at ${where}`,
        via: member,
      };
      byKey.set(unit.key, joined);
      closure.members.push(joined);
    }
  }
}

/** A named function of a script: a declaration, or an arrow or function expression held by a variable. */
function isPlainFunction(fn: FunctionBody | undefined): boolean {
  if (fn === undefined) return false;
  if (ts.isFunctionDeclaration(fn)) return fn.name !== undefined && fn.asteriskToken === undefined;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  return (
    toUnitOfFunction(fn).role === 'function' && !(ts.isFunctionExpression(fn) && fn.asteriskToken)
  );
}

/** Extensionless files in the `bin/` folders of the workspace's packages, and `bin` entries outside the program. */
function findEntryScripts(project: WorkspaceProject): string[] {
  const found = new Set<string>();
  const directories = new Set([project.root]);
  for (const sourceFile of project.program().getSourceFiles()) {
    if (!project.isWorkspaceFile(sourceFile.fileName)) continue;
    const info = findPackageInfo(project, sourceFile.fileName);
    if (info !== undefined) directories.add(info.directory);
  }
  for (const directory of directories) {
    const info = findPackageInfo(project, `${directory}/package.json`);
    for (const bin of info?.bin ?? [])
      if (!isSourceFileName(bin) && isNodeScript(project, bin)) found.add(bin);
    for (const name of listDirectory(`${directory}/bin`)) {
      const fileName = `${directory}/bin/${name}`;
      if (!name.includes('.') && isNodeScript(project, fileName)) found.add(fileName);
    }
  }
  return [...found].sort();
}

function listDirectory(directory: string): string[] {
  try {
    return readdirSync(directory).filter((name) => statSync(path.join(directory, name)).isFile());
  } catch {
    return [];
  }
}

/** A script Node runs: a `#!…node` line, or none at all. */
function isNodeScript(project: WorkspaceProject, fileName: string): boolean {
  const text = project.files.readFile(fileName);
  if (text === undefined) return false;
  return !text.startsWith('#!') || /^#![^\r\n]*\bnode\b/.test(text);
}

/** A program of the scripts, read as JavaScript, sharing the workspace program's files. */
function createScriptProgram(project: WorkspaceProject, scripts: readonly string[]): ts.Program {
  const main = project.program();
  const options: ts.CompilerOptions = {
    ...main.getCompilerOptions(),
    allowJs: true,
    noEmit: true,
    allowNonTsExtensions: true,
  };
  const host = ts.createCompilerHost(options, true);
  const scriptSet = new Set(scripts);
  host.getSourceFile = (fileName, languageVersion) => {
    const shared = main.getSourceFile(fileName);
    if (shared !== undefined) return shared;
    const text = project.files.readFile(fileName);
    if (text === undefined) return undefined;
    const kind = scriptSet.has(fileName) ? ts.ScriptKind.JS : undefined;
    return ts.createSourceFile(fileName, text, languageVersion, true, kind);
  };
  host.fileExists = (fileName) => project.files.fileExists(fileName);
  host.readFile = (fileName) => project.files.readFile(fileName);
  return ts.createProgram({ rootNames: [...scripts], options, host });
}

function* callsOf(sourceFile: ts.SourceFile): Generator<ts.CallExpression> {
  const pending: ts.Node[] = [sourceFile];
  while (pending.length > 0) {
    const node = pending.pop() as ts.Node;
    if (ts.isCallExpression(node)) yield node;
    pending.push(...[...node.getChildren(sourceFile)].reverse());
  }
}

/** The unit key of what `call` calls, through imports, `require` and CommonJS exports. */
function calleeKey(checker: ts.TypeChecker, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(name);
  for (let hop = 0; hop < 4 && symbol !== undefined; hop++) {
    if ((symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined) return undefined;
    const unit = toUnitOfDeclaration(declaration);
    if (unit !== undefined) return unit.key;
    if (ts.isShorthandPropertyAssignment(declaration)) {
      symbol = checker.getShorthandAssignmentValueSymbol(declaration);
    } else if (ts.isPropertyAssignment(declaration) || ts.isBinaryExpression(declaration.parent)) {
      const value = ts.isPropertyAssignment(declaration)
        ? declaration.initializer
        : (declaration.parent as ts.BinaryExpression).right;
      symbol = checker.getSymbolAtLocation(value);
    } else {
      return undefined;
    }
  }
  return undefined;
}
