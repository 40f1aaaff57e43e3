import { toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import {
  type BoundaryDraft,
  type ClosureState,
  chainOf,
  type Member,
} from './closure-types.typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import { qualifiedName, toUnitOfDeclaration } from './function-units.typescript.js';

/** Records a refused boundary at `node`, the chain ending with `last` when given. */
export function refuse(
  state: ClosureState,
  node: ts.Node,
  member: Member,
  kind: BoundaryDraft['kind'],
  detail: string,
  last?: string,
): void {
  const chain = last === undefined ? chainOf(member) : [...chainOf(member), last];
  state.addBoundary({ node, kind, detail, chain, handling: 'refused' });
}

/** `a?.load().x`: the call is the middle of an optional chain that goes on past it. */
export function continuesOptionalChain(site: ts.Expression): boolean {
  const parent = site.parent;
  return (
    (site.flags & ts.NodeFlags.OptionalChain) !== 0 &&
    (ts.isPropertyAccessExpression(parent) ||
      ts.isElementAccessExpression(parent) ||
      ts.isCallExpression(parent)) &&
    parent.expression === site &&
    (parent.flags & ts.NodeFlags.OptionalChain) !== 0
  );
}

/** The qualified name of what `site` calls, by the checker (`Repo.load` for `repo.load()`). */
export function calleeName(state: ClosureState, site: ts.Expression): string | undefined {
  if (!ts.isCallExpression(site)) return undefined;
  let callee = unwrapExpression(site.expression);
  if (
    ts.isPropertyAccessExpression(callee) &&
    (callee.name.text === 'call' || callee.name.text === 'apply')
  ) {
    callee = unwrapExpression(callee.expression);
  }
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = state.checker.getSymbolAtLocation(name);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) {
    symbol = state.checker.getAliasedSymbol(symbol);
  }
  const declaration = symbol?.declarations?.[0];
  if (
    declaration === undefined ||
    !state.project.isWorkspaceFile(declaration.getSourceFile().fileName)
  ) {
    return undefined;
  }
  const unit = toUnitOfDeclaration(declaration);
  return unit === undefined ? undefined : qualifiedName(unit);
}

/** How a boundary's detail names a test framework. */
export function frameworkWord(framework: string): string {
  return framework === 'global' ? 'a global test function' : framework;
}

/** A test's title as written (`"loads"`), or `…`. */
export function testTitle(call: ts.CallExpression): string {
  const first = call.arguments[0];
  return first !== undefined && ts.isStringLiteralLike(first) ? JSON.stringify(first.text) : '…';
}

/** `file:line` of `node`, for reasons and details. */
export function where(state: ClosureState, node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  return `${state.project.toRelative(sourceFile.fileName)}:${toLineColumn(sourceFile, node.getStart(sourceFile)).line}`;
}
