import { findTokenAt, toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { PromiseFunction } from './contract.js';

/** The functions `convertToAsyncFunction` works on (TypeScript's `canBeConvertedToAsync`). */
export type PromiseFunctionNode =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction;

/** True for a node `convertToAsyncFunction` may convert. */
export function isPromiseFunctionNode(node: ts.Node): node is PromiseFunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node)
  );
}

/** The name that holds a function: its own, or the variable, property or field it is assigned to. */
function holderName(node: PromiseFunctionNode): ts.Node | undefined {
  if (!ts.isArrowFunction(node) && node.name !== undefined) return node.name;
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.initializer === node
  ) {
    return parent.name;
  }
  return undefined;
}

/** The class (or object assigned to a variable) a function is a member of, if any. */
function containerOf(node: PromiseFunctionNode): string | undefined {
  let member: ts.Node = node;
  if (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) {
    member = node.parent;
  }
  if (!ts.isMethodDeclaration(member) && member === node) return undefined;
  const owner = member.parent;
  if ((ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && owner.name) {
    return owner.name.text;
  }
  if (ts.isObjectLiteralExpression(owner) && ts.isVariableDeclaration(owner.parent)) {
    const name = owner.parent.name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  return undefined;
}

function kindOf(node: PromiseFunctionNode): PromiseFunction['kind'] {
  if (ts.isFunctionDeclaration(node)) return 'function';
  if (ts.isMethodDeclaration(node)) return 'method';
  return ts.isArrowFunction(node) ? 'arrow' : 'function-expression';
}

/**
 * A function for reports: `Store.get`, `load`, or `(arrow function)`, at the position of its
 * name (or of the function when nothing names it).
 */
export function describeFunction(file: string, node: PromiseFunctionNode): PromiseFunction {
  const sourceFile = node.getSourceFile();
  const name = holderName(node);
  const container = containerOf(node);
  const text = name === undefined ? undefined : name.getText(sourceFile);
  const kind = kindOf(node);
  const anonymous = kind === 'arrow' ? '(arrow function)' : '(function expression)';
  return {
    file,
    ...toLineColumn(sourceFile, (name ?? node).getStart(sourceFile)),
    name: text === undefined ? anonymous : container ? `${container}.${text}` : text,
    kind,
  };
}

/** What sits at a declared name: the function it declares, or the kind of thing it is instead. */
export type NamedDeclaration =
  | { found: 'function'; node: PromiseFunctionNode }
  | { found: 'other'; what: string };

/**
 * The function declared by the name at `offset`: a function or method declaration, or the
 * function or arrow a variable, property or class field is initialised with.
 */
export function findFunctionAt(sourceFile: ts.SourceFile, offset: number): NamedDeclaration {
  const token = findTokenAt(sourceFile, offset);
  const parent = token?.parent;
  if (token === undefined || parent === undefined) return { found: 'other', what: 'no name' };
  if (isPromiseFunctionNode(parent) && holderName(parent) === token) {
    return { found: 'function', node: parent };
  }
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name === token
  ) {
    const initializer = parent.initializer;
    if (initializer !== undefined && isPromiseFunctionNode(initializer)) {
      return { found: 'function', node: initializer };
    }
    return { found: 'other', what: ts.isVariableDeclaration(parent) ? 'a variable' : 'a property' };
  }
  return { found: 'other', what: whatIs(parent) };
}

/** `a class`, `an interface`, … for a declaration that is not a function. */
function whatIs(node: ts.Node): string {
  if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) return 'an accessor';
  if (ts.isConstructorDeclaration(node)) return 'a constructor';
  if (ts.isClassLike(node)) return 'a class';
  if (ts.isInterfaceDeclaration(node)) return 'an interface';
  if (ts.isTypeAliasDeclaration(node)) return 'a type';
  if (ts.isEnumDeclaration(node)) return 'an enum';
  if (ts.isParameter(node)) return 'a parameter';
  if (ts.isImportSpecifier(node) || ts.isImportClause(node)) return 'an import';
  return 'another kind of declaration';
}

/**
 * The function a suggestion diagnostic is about: it is reported on the function's head (its
 * name, or the arrow's parameters), or on the variable's name when the function has none
 * (`const load = () => …`).
 */
export function functionOfDiagnostic(
  sourceFile: ts.SourceFile,
  diagnostic: ts.DiagnosticWithLocation,
): PromiseFunctionNode | undefined {
  let found: PromiseFunctionNode | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || diagnostic.start < node.pos || diagnostic.start >= node.end) return;
    if (isPromiseFunctionNode(node) && node.body !== undefined) {
      const head = node.getStart(sourceFile);
      if (diagnostic.start >= head && diagnostic.start < node.body.getStart(sourceFile)) {
        found = node;
        return;
      }
    }
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getStart(sourceFile) === diagnostic.start &&
      node.initializer !== undefined &&
      isPromiseFunctionNode(node.initializer)
    ) {
      found = node.initializer;
      return;
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}
