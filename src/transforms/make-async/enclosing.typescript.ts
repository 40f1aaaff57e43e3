import ts from '../../lang/typescript/typescript.js';
import { type FunctionBody, isFunctionBody } from './function-units.typescript.js';

/** Where an expression runs, as far as `await` is concerned. */
export type EnclosingContext =
  /** Top-level code of the module (inside blocks and loops included). */
  | { kind: 'module' }
  | { kind: 'function'; fn: FunctionBody }
  /** A parameter's default value: `await` is not allowed there, even in an async function. */
  | { kind: 'parameter-default'; fn: FunctionBody }
  /** A class field's initializer: runs in the constructor (or, when static, with the class). */
  | { kind: 'class-field'; property: ts.PropertyDeclaration; isStatic: boolean }
  | { kind: 'static-block'; block: ts.ClassStaticBlockDeclaration }
  | { kind: 'decorator'; decorator: ts.Decorator };

/** The innermost function (or other scope that decides on `await`) around `node`. */
export function findEnclosingContext(node: ts.Node): EnclosingContext {
  let child: ts.Node = node;
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (
      ts.isParameter(current) &&
      current.initializer === child &&
      isFunctionBody(current.parent)
    ) {
      return { kind: 'parameter-default', fn: current.parent };
    }
    if (isFunctionBody(current) && child === current.body) return { kind: 'function', fn: current };
    if (ts.isClassStaticBlockDeclaration(current)) return { kind: 'static-block', block: current };
    if (ts.isPropertyDeclaration(current) && current.initializer === child) {
      const isStatic = (ts.getCombinedModifierFlags(current) & ts.ModifierFlags.Static) !== 0;
      return { kind: 'class-field', property: current, isStatic };
    }
    if (ts.isDecorator(current)) return { kind: 'decorator', decorator: current };
    if (ts.isSourceFile(current)) return { kind: 'module' };
    child = current;
  }
  return { kind: 'module' };
}

/** True for `async` functions (async generators included). */
export function isAsyncFunction(fn: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** True for `function*` and generator methods. */
export function isGenerator(fn: FunctionBody): boolean {
  return (
    (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) &&
    fn.asteriskToken !== undefined
  );
}
