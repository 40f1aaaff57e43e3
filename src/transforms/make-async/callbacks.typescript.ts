import ts from '../../lang/typescript/typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import { findTestCallee, type TestCallee } from './test-frameworks.typescript.js';

/** What happens to a function that becomes async where it is passed to a call. */
export type CallbackTarget =
  /** `arr.map(f)` on an array: `await Promise.all(arr.map(f))`. */
  | { kind: 'map'; call: ts.CallExpression }
  /** A promise's `.then/.catch/.finally`: an async callback is waited for as it is. */
  | { kind: 'then'; call: ts.CallExpression }
  /** A test, hook or suite of a test framework. */
  | { kind: 'test'; call: ts.CallExpression; callee: TestCallee }
  /** A synchronous API (`forEach`, `sort`, `filter`, …) or a call whose use of it is unknown. */
  | { kind: 'refused'; boundary: 'callback' | 'value'; detail: string };

/** Array methods that use their callback's result (or ignore it) synchronously. */
const SYNC_ARRAY_METHODS = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'reduce',
  'reduceRight',
  'some',
  'sort',
  'toSorted',
]);

/**
 * Where `argument` (a function that becomes async) goes when passed to `call`. `named` is true
 * for a function passed by name (a value), false for a function written in place (a callback).
 */
export function classifyCallbackTarget(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  argument: ts.Expression,
  named: boolean,
): CallbackTarget {
  const callee = unwrapExpression(call.expression);
  const calleeText = callee.getText();
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = callee.expression;
    const isArray = isArrayType(checker, receiver);
    if (method === 'map' && call.arguments[0] === argument) {
      return isArray
        ? { kind: 'map', call }
        : {
            kind: 'refused',
            boundary: 'callback',
            detail: `passed to ${calleeText}(…), and ${receiver.getText()} is not known to be an array (so Promise.all cannot wait for the results)`,
          };
    }
    if (
      (method === 'then' || method === 'catch' || method === 'finally') &&
      isThenable(checker, receiver)
    ) {
      return { kind: 'then', call };
    }
    if (SYNC_ARRAY_METHODS.has(method) && (isArray || isAny(checker, receiver))) {
      return {
        kind: 'refused',
        boundary: 'callback',
        detail: `passed to ${calleeText}(…), which does not wait for promises (${method} would see a promise instead of a result)`,
      };
    }
  }
  const test = findTestCallee(checker, call);
  if (test !== undefined) return { kind: 'test', call, callee: test };
  return {
    kind: 'refused',
    boundary: named ? 'value' : 'callback',
    detail: `passed to ${calleeText}(…), which may call it without waiting for its promise`,
  };
}

function isArrayType(checker: ts.TypeChecker, node: ts.Expression): boolean {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => checker.isArrayType(part) || checker.isTupleType(part));
}

function isThenable(checker: ts.TypeChecker, node: ts.Expression): boolean {
  const type = checker.getTypeAtLocation(node);
  return !isAny(checker, node) && type.getProperty('then') !== undefined;
}

function isAny(checker: ts.TypeChecker, node: ts.Expression): boolean {
  return (checker.getTypeAtLocation(node).flags & ts.TypeFlags.Any) !== 0;
}
