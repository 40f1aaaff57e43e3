import ts from '../../lang/typescript/typescript.js';
import { isAsyncFunction } from './enclosing.typescript.js';
import { skipOuterExpressions } from './expressions.typescript.js';
import { type FunctionUnit, isFunctionBody } from './function-units.typescript.js';

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** True for a written `Promise<T>` or `PromiseLike<T>`. */
export function isPromiseTypeNode(node: ts.TypeNode): boolean {
  return (
    ts.isTypeReferenceNode(node) &&
    ts.isIdentifier(node.typeName) &&
    (node.typeName.text === 'Promise' || node.typeName.text === 'PromiseLike')
  );
}

/** The return type written on a unit: on the function, its signature, or its variable's function type. */
export function writtenReturnType(unit: FunctionUnit): ts.TypeNode | undefined {
  const own = unit.fn?.type ?? signatureOf(unit.declaration)?.type;
  if (own !== undefined) return own;
  const annotation =
    ts.isVariableDeclaration(unit.declaration) ||
    ts.isPropertyDeclaration(unit.declaration) ||
    ts.isPropertySignature(unit.declaration)
      ? unit.declaration.type
      : undefined;
  return annotation !== undefined && ts.isFunctionTypeNode(annotation)
    ? annotation.type
    : undefined;
}

function signatureOf(node: ts.Node): ts.SignatureDeclaration | undefined {
  return ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isFunctionDeclaration(node)
    ? node
    : undefined;
}

/**
 * True when the unit returns a promise already (written `Promise<T>`, or a thenable inferred):
 * making it async changes nothing for its callers.
 */
export function returnsPromise(checker: ts.TypeChecker, unit: FunctionUnit): boolean {
  const written = writtenReturnType(unit);
  if (written !== undefined) return isPromiseTypeNode(written);
  if (unit.fn === undefined || !isFunctionBody(unit.fn)) return false;
  const signature = checker.getSignatureFromDeclaration(unit.fn);
  if (signature === undefined) return false;
  const type = checker.getReturnTypeOfSignature(signature);
  if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => part.getProperty('then') !== undefined);
}

/**
 * True when the promise `expression` gives is already taken care of: awaited, chained with
 * `.then/.catch/.finally`, or handed to `Promise.all/allSettled/race/any` (directly or in an
 * array literal).
 */
export function isConsumedAsPromise(expression: ts.Expression): boolean {
  const outer = skipOuterExpressions(expression);
  const parent = outer.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) {
    const name = parent.name.text;
    return (
      (name === 'then' || name === 'catch' || name === 'finally') &&
      ts.isCallExpression(parent.parent)
    );
  }
  const container = ts.isArrayLiteralExpression(parent)
    ? skipOuterExpressions(parent).parent
    : parent;
  return (
    ts.isCallExpression(container) &&
    isPromiseCombinator(container) &&
    container.expression !== outer
  );
}

/** True for `Promise.all(…)`, `Promise.allSettled(…)`, `Promise.race(…)`, `Promise.any(…)`. */
export function isPromiseCombinator(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    PROMISE_COMBINATORS.has(callee.name.text)
  );
}

/** True when `expression` is what an async function returns (`return f()`, `async () => f()`). */
export function isReturnedFromAsync(expression: ts.Expression): boolean {
  const outer = skipOuterExpressions(expression);
  const parent = outer.parent;
  if (ts.isReturnStatement(parent)) {
    const fn = ts.findAncestor(parent, isFunctionBody);
    return fn !== undefined && isAsyncFunction(fn);
  }
  return ts.isArrowFunction(parent) && parent.body === outer && isAsyncFunction(parent);
}
