import ts from '../../lang/typescript/typescript.js';
import { isAssignmentTo, skipOuterExpressions } from './expressions.typescript.js';

/** The text of a property name (`load`, `#load`, `'load'`, `[key]`). */
export function nameText(name: ts.PropertyName): string {
  if (
    ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteralLike(name) ||
    ts.isNumericLiteral(name)
  ) {
    return name.text;
  }
  return name.getText();
}

/** The name of the class, interface, type literal or object literal that holds a member. */
export function containerName(node: ts.Node): string | undefined {
  if (ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) {
    if (node.name !== undefined) return node.name.text;
    return ts.isClassDeclaration(node) ? 'default' : holderName(node);
  }
  if (ts.isTypeLiteralNode(node)) {
    return ts.isTypeAliasDeclaration(node.parent) ? node.parent.name.text : undefined;
  }
  if (ts.isObjectLiteralExpression(node)) return holderName(node);
  return undefined;
}

/** The name an expression is stored under: `api` of `const api = {…}`, `module.exports`. */
function holderName(node: ts.Node): string | undefined {
  const outer = skipOuterExpressions(node);
  const holder = outer.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (
    (ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) &&
    holder.initializer === outer
  ) {
    return nameText(holder.name);
  }
  if (isAssignmentTo(holder, outer)) return holder.left.getText(node.getSourceFile());
  if (ts.isExportAssignment(holder)) return 'default';
  return undefined;
}
