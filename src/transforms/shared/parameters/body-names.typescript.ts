import type { NamedFunction } from '../../../lang/typescript/queries/function-like-at.js';
import ts from '../../../lang/typescript/typescript.js';

/** A place in a function's body where a name is declared or used. */
export interface BodyName {
  node: ts.Node;
  what: 'declares' | 'uses';
}

/** True when `node` is a member or label name (`obj.name`, `{ name: 1 }`, `name:`), not a variable. */
function isMemberOrLabel(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isBindingElement(parent)) return false;
  if (ts.isJsxAttribute(parent)) return true;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  );
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    ts.isDeclarationStatement(parent) ||
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isBindingElement(parent) ||
    ts.isImportSpecifier(parent)
  );
}

/**
 * Where the function's body declares or uses the variable `name` (members and labels of that
 * name are not variables): a new parameter of that name would shadow a declaration, or capture a
 * use of an outer one.
 */
export function findBodyNames(named: NamedFunction, name: string): BodyName[] {
  const body = 'body' in named.fn ? named.fn.body : undefined;
  const found: BodyName[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && !isMemberOrLabel(node)) {
      found.push({ node, what: isDeclarationName(node) ? 'declares' : 'uses' });
    }
    node.forEachChild(visit);
  };
  if (body !== undefined) visit(body);
  return found;
}

/** The `arguments` reads of a non-arrow function's body (their indexes shift with the parameters). */
export function findArgumentsReads(named: NamedFunction): ts.Node[] {
  const body = 'body' in named.fn ? named.fn.body : undefined;
  if (body === undefined || ts.isArrowFunction(named.fn)) return [];
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isMethodDeclaration(node)
    )
      return;
    if (ts.isIdentifier(node) && node.text === 'arguments' && !isMemberOrLabel(node))
      found.push(node);
    node.forEachChild(visit);
  };
  body.forEachChild(visit);
  return found;
}
