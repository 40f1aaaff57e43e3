import ts from '../../lang/typescript/typescript.js';
import type { DeclineReason } from './contract.js';
import type { PromiseFunctionNode } from './functions.typescript.js';

const HANDLERS = new Set(['then', 'catch', 'finally']);

/** True for `x.then(…)`, `x.catch(…)`, `x.finally(…)` (by name, as TypeScript's suggestion reads it). */
export function isPromiseHandlerCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    HANDLERS.has(node.expression.name.text)
  );
}

/** Calls `visit` for each node of `body`, not descending into nested functions or classes. */
export function forEachOwnNode(body: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    node.forEachChild(walk);
  };
  body.forEachChild(walk);
}

/** The function's own `return` statements (none of a nested function's). */
export function ownReturns(node: PromiseFunctionNode): ts.ReturnStatement[] {
  const returns: ts.ReturnStatement[] = [];
  if (node.body !== undefined && ts.isBlock(node.body)) {
    forEachOwnNode(node.body, (child) => {
      if (ts.isReturnStatement(child)) returns.push(child);
    });
  }
  return returns;
}

/** True when the function's own code calls `.then`/`.catch`/`.finally`. */
export function callsPromiseHandlers(node: PromiseFunctionNode): boolean {
  let found = false;
  if (node.body === undefined) return false;
  if (isPromiseHandlerCall(node.body)) return true;
  forEachOwnNode(node.body, (child) => {
    found ||= isPromiseHandlerCall(child);
  });
  return found;
}

function isNullish(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')
  );
}

/** True when a chain the function returns calls `.finally` with a callback. */
export function returnsFinallyChain(node: PromiseFunctionNode): boolean {
  return ownReturns(node).some((statement) => {
    let current: ts.Expression | undefined = statement.expression;
    while (current !== undefined && isPromiseHandlerCall(current)) {
      const access = current.expression as ts.PropertyAccessExpression;
      const callback = current.arguments[0];
      if (access.name.text === 'finally' && callback !== undefined && !isNullish(callback)) {
        return true;
      }
      current = access.expression;
    }
    return false;
  });
}

function isAsync(node: PromiseFunctionNode): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Async) !== 0;
}

/** True for a type the checker sees as a thenable (every part of a union), not `any`. */
export function isPromiseLike(type: ts.Type): boolean {
  if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => part.getProperty('then') !== undefined);
}

function returnsPromise(node: PromiseFunctionNode, checker: ts.TypeChecker): boolean {
  const signature = checker.getSignatureFromDeclaration(node);
  const returned =
    signature === undefined ? undefined : checker.getReturnTypeOfSignature(signature);
  return returned !== undefined && isPromiseLike(returned);
}

/**
 * Why TypeScript does not suggest converting `node` (the reasons of its own
 * `isConvertibleFunction`, in its order; `unsupported-chain` when all hold but the chain's
 * shape is one it does not convert, such as `.then(onFulfilled, onRejected)`).
 */
export function whyNotSuggested(node: PromiseFunctionNode, checker: ts.TypeChecker): DeclineReason {
  if (isAsync(node)) return 'already-async';
  if (node.asteriskToken !== undefined) return 'generator';
  if (node.body === undefined) return 'no-chain';
  if (!ts.isBlock(node.body)) return callsPromiseHandlers(node) ? 'expression-body' : 'no-chain';
  const returnsChain = ownReturns(node).some(
    (statement) => statement.expression !== undefined && isPromiseHandlerCall(statement.expression),
  );
  if (!returnsChain) return callsPromiseHandlers(node) ? 'chain-not-returned' : 'no-chain';
  return returnsPromise(node, checker) ? 'unsupported-chain' : 'not-a-promise';
}
