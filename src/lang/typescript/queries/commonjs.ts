import ts from '../typescript.js';

/** True for `module.exports` or `exports`. */
export function isCommonJsExportsObject(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'exports';
  return (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module' &&
    node.name.text === 'exports'
  );
}

/** True for the object literal in `module.exports = { ... }`. */
export function isCommonJsExportLiteral(node: ts.ObjectLiteralExpression): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === node &&
    isCommonJsExportsObject(parent.left)
  );
}

/**
 * For `value` in `module.exports.name = value` (or `exports.name = value`), the `name` node;
 * otherwise undefined.
 */
export function commonJsExportNameOf(value: ts.Node): ts.MemberName | undefined {
  const parent = value.parent;
  if (
    parent === undefined ||
    !ts.isBinaryExpression(parent) ||
    parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
    parent.right !== value ||
    !ts.isPropertyAccessExpression(parent.left) ||
    !isCommonJsExportsObject(parent.left.expression)
  ) {
    return undefined;
  }
  return parent.left.name;
}

/** True for a name bound from a module: `const { name } = require('x')` or `require('x').name`. */
export function isRequiredName(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (ts.isPropertyAccessExpression(parent)) {
    return parent.name === node && isRequireCall(parent.expression);
  }
  if (!ts.isBindingElement(parent) || !ts.isObjectBindingPattern(parent.parent)) return false;
  const declaration = parent.parent.parent;
  return ts.isVariableDeclaration(declaration) && isRequireCall(declaration.initializer);
}

/** True for `require('x')` (with a string literal argument). */
export function isRequireCall(node: ts.Node | undefined): boolean {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteralLike(node.arguments[0])
  );
}
