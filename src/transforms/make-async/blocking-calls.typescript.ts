import ts from '../../lang/typescript/typescript.js';
import { type BlockingOperation, toBlockingOperation } from './blocking-table.typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import { type FunctionBody, toUnitOfFunction } from './function-units.typescript.js';
import { type ModuleBinding, resolveModuleBinding } from './module-bindings.typescript.js';

/** A call of the blocking table. */
export interface BlockingCall {
  call: ts.CallExpression;
  operation: BlockingOperation;
  /** How the callee reaches the module (absent for globals: `Atomics.wait`, XHR). */
  binding?: ModuleBinding;
}

/** The table's operation that `call` performs, if any (see `blocking-table.typescript.ts`). */
export function toBlockingCall(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
): BlockingCall | undefined {
  const callee = unwrapExpression(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = unwrapExpression(callee.expression);
    if (
      callee.name.text === 'wait' &&
      ts.isIdentifier(receiver) &&
      receiver.text === 'Atomics' &&
      isGlobal(checker, receiver)
    ) {
      return { call, operation: { label: 'Atomics.wait' } };
    }
    if (
      callee.name.text === 'open' &&
      call.arguments[2]?.kind === ts.SyntaxKind.FalseKeyword &&
      isXhr(checker, receiver)
    ) {
      return { call, operation: { label: 'XMLHttpRequest.open (synchronous)' } };
    }
  }
  const binding = resolveModuleBinding(checker, callee);
  if (binding === undefined || binding.imported === '*') return undefined;
  const [first = '', ...rest] = binding.imported.split('.');
  const operation = toBlockingOperation(binding.module, first);
  if (operation === undefined) return undefined;
  if (rest.length === 0) return { call, operation, binding };
  // `fs.realpathSync.native(…)` blocks too, but has no rewrite of its own.
  return { call, operation: { label: `${operation.label}.${rest.join('.')}` }, binding };
}

/**
 * Calls in `fn`'s own body. Nested functions are skipped, except (with `throughCallbacks`)
 * anonymous ones, whose work is done on behalf of `fn` (`items.forEach((i) => readFileSync(i))`).
 */
export function findOwnCalls(
  fn: FunctionBody,
  options: { throughCallbacks: boolean },
): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) return;
    if (node !== fn && ts.isFunctionLike(node)) {
      const nested =
        ts.isArrowFunction(node) || ts.isFunctionExpression(node)
          ? toUnitOfFunction(node)
          : undefined;
      if (!options.throughCallbacks || nested?.role !== 'anonymous') return;
    }
    if (ts.isCallExpression(node)) calls.push(node);
    node.forEachChild(visit);
  };
  if (fn.body !== undefined) visit(fn.body);
  return calls;
}

/** True when `identifier` names a global of the lib files, not something declared in the workspace. */
function isGlobal(checker: ts.TypeChecker, identifier: ts.Identifier): boolean {
  const declarations = checker.getSymbolAtLocation(identifier)?.declarations ?? [];
  return declarations.every((d) => d.getSourceFile().isDeclarationFile);
}

function isXhr(checker: ts.TypeChecker, receiver: ts.Expression): boolean {
  if (checker.getTypeAtLocation(receiver).getSymbol()?.getName() === 'XMLHttpRequest') return true;
  if (!ts.isIdentifier(receiver)) return false;
  const declaration = checker.getSymbolAtLocation(receiver)?.valueDeclaration;
  const initializer =
    declaration !== undefined &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined
      ? unwrapExpression(declaration.initializer)
      : undefined;
  return (
    initializer !== undefined &&
    ts.isNewExpression(initializer) &&
    ts.isIdentifier(initializer.expression) &&
    initializer.expression.text === 'XMLHttpRequest'
  );
}
