import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findTokenAt, toProgramLocation } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { isAsyncFunction, isGenerator } from './enclosing.typescript.js';
import {
  type FunctionUnit,
  isFunctionBody,
  toUnitOfDeclaration,
  toUnitOfFunction,
} from './function-units.typescript.js';

/** The roots, split by what can be done with them. */
export interface SplitRoots {
  /** Every root, as asked. */
  all: FunctionUnit[];
  /** Roots to convert. */
  convertible: FunctionUnit[];
  alreadyAsync: FunctionUnit[];
  generators: FunctionUnit[];
}

/**
 * The function at `at`: its name (a function, method, arrow or function expression bound to a
 * name, a class member, an interface or abstract signature, an `export default` function), a
 * reference to one (resolved through imports), or the `function` / `default` keyword.
 * @throws OrchestratorError `SYMBOL_NOT_FOUND` when there is no function there.
 */
export function findUnitAt(project: WorkspaceProject, at: SourcePosition): FunctionUnit {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const token = findTokenAt(sourceFile, offset);
  const unit =
    token === undefined
      ? undefined
      : (byDeclaration(token) ?? bySymbol(project, token) ?? byKeyword(token, offset));
  if (unit === undefined) {
    const found =
      token === undefined ? 'nothing' : JSON.stringify(token.getText(sourceFile).slice(0, 40));
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No function at ${at.file}:${at.line}:${at.column} (found ${found}). Point at the name of a function, method, or arrow function bound to a name.`,
      { data: { ...at } },
    );
  }
  return preferImplementation(project, unit);
}

/** Splits roots into what is converted, what is async already and what is a generator. */
export function splitRoots(units: readonly FunctionUnit[]): SplitRoots {
  const unique = [...new Map(units.map((u) => [u.key, u])).values()];
  const alreadyAsync = unique.filter((u) => u.fn !== undefined && isAsyncFunction(u.fn));
  const generators = unique.filter(
    (u) => u.fn !== undefined && !isAsyncFunction(u.fn) && isGenerator(u.fn),
  );
  const convertible = unique.filter((u) => !alreadyAsync.includes(u) && !generators.includes(u));
  return { all: unique, convertible, alreadyAsync, generators };
}

function byDeclaration(token: ts.Node): FunctionUnit | undefined {
  const parent = token.parent;
  if (parent === undefined || ts.getNameOfDeclaration(parent as ts.Declaration) !== token)
    return undefined;
  return toUnitOfDeclaration(parent);
}

function bySymbol(project: WorkspaceProject, token: ts.Node): FunctionUnit | undefined {
  const checker = project.program().getTypeChecker();
  let symbol = checker.getSymbolAtLocation(token);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0)
    symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    if (!project.isWorkspaceFile(declaration.getSourceFile().fileName)) continue;
    const unit = toUnitOfDeclaration(declaration);
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/** `function`, `async`, `export`, `default` or `=>` of a function's head (before its body). */
function byKeyword(token: ts.Node, offset: number): FunctionUnit | undefined {
  const fn = ts.findAncestor(token, isFunctionBody);
  if (fn === undefined || fn.body === undefined || offset >= fn.body.getStart()) return undefined;
  return toUnitOfFunction(fn);
}

/** For an overload signature, the overloaded function's implementation. */
function preferImplementation(project: WorkspaceProject, unit: FunctionUnit): FunctionUnit {
  if (unit.role !== 'signature' || unit.nameNode === undefined) return unit;
  const declaration = unit.declaration;
  if (!ts.isFunctionDeclaration(declaration) && !ts.isMethodDeclaration(declaration)) return unit;
  const symbol = project.program().getTypeChecker().getSymbolAtLocation(unit.nameNode);
  const implementation = symbol?.declarations?.find(
    (d): d is ts.FunctionDeclaration | ts.MethodDeclaration =>
      (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && d.body !== undefined,
  );
  return implementation === undefined ? unit : toUnitOfFunction(implementation);
}
