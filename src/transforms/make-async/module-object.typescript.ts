import {
  isCommonJsExportLiteral,
  isCommonJsExportsObject,
} from '../../lang/typescript/queries/commonjs.js';
import ts from '../../lang/typescript/typescript.js';

/**
 * True for an object literal that is a module's namespace of functions, whose members' callers
 * the checker follows like those of exports: `module.exports = { f }`, or `const M = { f, g }`
 * that is the module's whole export (`module.exports = M`, `export default M`) and that the module
 * otherwise only reads members of (`M.f(…)`). Any other use of `M` (passed, spread, assigned,
 * iterated) makes its members' callers unknowable: false. A table exported by name
 * (`export const handlers = { f }`) is a value, not the module's namespace: its readers may
 * dispatch through it (`handlers[name](…)`), so it is false too.
 */
export function isModuleObjectLiteral(literal: ts.ObjectLiteralExpression): boolean {
  if (isCommonJsExportLiteral(literal)) return true;
  const declaration = ts.isAsExpression(literal.parent) ? literal.parent.parent : literal.parent;
  if (
    !ts.isVariableDeclaration(declaration) ||
    !ts.isIdentifier(declaration.name) ||
    !ts.isVariableDeclarationList(declaration.parent) ||
    (declaration.parent.flags & ts.NodeFlags.Const) === 0 ||
    !ts.isVariableStatement(declaration.parent.parent) ||
    !ts.isSourceFile(declaration.parent.parent.parent)
  ) {
    return false;
  }
  const name = declaration.name;
  const sourceFile = literal.getSourceFile();
  if (declaration.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
    return false;
  }
  let onlyRead = true;
  let exported = false;
  const visit = (node: ts.Node): void => {
    if (!onlyRead) return;
    if (ts.isIdentifier(node) && node.text === name.text && node !== name) {
      if (isWholeExport(node)) exported = true;
      else if (!isMemberRead(node)) onlyRead = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return onlyRead && exported;
}

/** `export default M` or `module.exports = M`. */
function isWholeExport(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isExportAssignment(parent)) return true;
  return (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    isCommonJsExportsObject(parent.left)
  );
}

function isMemberRead(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) {
    if (parent.expression !== node) return true; // `other.M`: another name
    const outer = parent.parent;
    // `M.f = other` replaces a member: its callers would call something else.
    return !(
      ts.isBinaryExpression(outer) &&
      outer.left === parent &&
      outer.operatorToken.kind === ts.SyntaxKind.EqualsToken
    );
  }
  return ts.isPropertyAssignment(parent) && parent.name === node; // `{ M: 1 }`
}
