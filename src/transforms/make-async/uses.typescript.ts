import {
  isCommonJsExportLiteral,
  isCommonJsExportsObject,
  isRequireCall,
} from '../../lang/typescript/queries/commonjs.js';
import { findNameNodeAt, findTokenAt } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { skipOuterExpressions } from './expressions.typescript.js';
import {
  type FunctionUnit,
  toAliasUnit,
  toUnitOfDeclaration,
} from './function-units.typescript.js';
import { isModuleObjectLiteral } from './module-object.typescript.js';
import { nameText } from './names.typescript.js';

/** What one reference to a converted function does with it. */
export type Use =
  /** It is called: the call (or tagged template) is what gets awaited. */
  | { kind: 'call'; site: ts.CallExpression | ts.TaggedTemplateExpression }
  /** An import, export, declaration or type: nothing to change; its uses are references too. */
  | { kind: 'link' }
  /** A new name for it (`const load = getUser`, `const { load } = require(…)`): its calls count. */
  | { kind: 'alias'; unit: FunctionUnit }
  /** The declaration of a member of its class hierarchy. */
  | { kind: 'related'; unit: FunctionUnit }
  /** Passed to a call as an argument (`arr.map(getUser)`). */
  | { kind: 'argument'; call: ts.CallExpression; expression: ts.Expression }
  | { kind: 'new'; expression: ts.NewExpression }
  /** Kept as a value where its callers cannot be followed. */
  | { kind: 'escapes'; detail: string }
  /** Looked at, not passed on (`typeof f`, `if (f)`, `f === g`). */
  | { kind: 'inert' };

/**
 * The node of a reference TypeScript reports at `offset`: a name, or the string literal of a
 * `require('./m')` whose text (inside the quotes) starts there.
 */
export function findReferenceNode(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  const name = findNameNodeAt(sourceFile, offset);
  if (name !== undefined) return name;
  const token = findTokenAt(sourceFile, offset);
  return token !== undefined &&
    ts.isStringLiteralLike(token) &&
    token.getStart(sourceFile) === offset - 1
    ? token
    : undefined;
}

/** The function a reference is classified for: its name, and its own declaration if known. */
export type UseSubject = Pick<FunctionUnit, 'name'> &
  Partial<Pick<FunctionUnit, 'declaration' | 'fn'>>;

/** Classifies the reference at `node` (an identifier, private name or string) of `unit`. */
export function classifyUse(node: ts.Node, unit: UseSubject): Use {
  const parent = node.parent;
  if (
    ts.isBindingElement(parent) &&
    ts.isIdentifier(parent.name) &&
    (parent.name === node || parent.propertyName === node)
  ) {
    return { kind: 'alias', unit: toAliasUnit(parent.name, parent) };
  }
  if (ts.isStringLiteralLike(node) && isRequireCall(parent))
    return requireAlias(parent as ts.CallExpression);
  if (ts.isShorthandPropertyAssignment(parent)) return expressionUse(node, unit);
  if (isDeclarationName(node)) return declarationUse(node, unit);
  if (isInTypePosition(node) || isInImportOrExportDeclaration(node)) return { kind: 'link' };
  let expression: ts.Node = node;
  if (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  ) {
    expression = parent;
  }
  return expressionUse(skipOuterExpressions(expression), unit);
}

function expressionUse(outer: ts.Node, unit: UseSubject): Use {
  const parent = outer.parent;
  if (ts.isCallExpression(parent)) {
    if (parent.expression === outer) return { kind: 'call', site: parent };
    return { kind: 'argument', call: parent, expression: outer as ts.Expression };
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) {
    const method = parent.name.text;
    const call = parent.parent;
    if (
      (method === 'call' || method === 'apply') &&
      ts.isCallExpression(call) &&
      call.expression === parent
    ) {
      return { kind: 'call', site: call };
    }
    return method === 'bind'
      ? { kind: 'escapes', detail: 'bound with .bind(…)' }
      : { kind: 'inert' };
  }
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === outer)
    return { kind: 'call', site: parent };
  if (ts.isNewExpression(parent) && parent.expression === outer)
    return { kind: 'new', expression: parent };
  if (ts.isVariableDeclaration(parent) && parent.initializer === outer) {
    return ts.isIdentifier(parent.name)
      ? { kind: 'alias', unit: toAliasUnit(parent.name, parent) }
      : { kind: 'escapes', detail: 'destructured into variables' };
  }
  if (ts.isShorthandPropertyAssignment(parent)) {
    // The checker links `module.exports = { f }` to its importers; `const M = { f }` is a new
    // property whose readers (`M.f(…)`) are references of the property, not of `f`.
    if (isCommonJsExportLiteral(parent.parent)) return { kind: 'link' };
    return isModuleObjectLiteral(parent.parent)
      ? { kind: 'alias', unit: toAliasUnit(parent.name, parent) }
      : { kind: 'escapes', detail: 'stored in an object literal' };
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === outer) {
    if (!isModuleObjectLiteral(parent.parent)) {
      return { kind: 'escapes', detail: `stored in the object property ${nameText(parent.name)}` };
    }
    return ts.isIdentifier(parent.name) && parent.name.text !== unit.name
      ? { kind: 'alias', unit: toAliasUnit(parent.name, parent) }
      : { kind: 'link' };
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === outer &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    return assignmentUse(parent, unit);
  }
  if (ts.isExportAssignment(parent)) return { kind: 'link' };
  if (isInert(outer, parent)) return { kind: 'inert' };
  return { kind: 'escapes', detail: describeEscape(parent) };
}

function assignmentUse(assignment: ts.BinaryExpression, unit: UseSubject): Use {
  const left = assignment.left;
  if (isCommonJsExportsObject(left)) return { kind: 'link' };
  if (ts.isPropertyAccessExpression(left) && isCommonJsExportsObject(left.expression)) {
    return left.name.text === unit.name
      ? { kind: 'link' }
      : { kind: 'alias', unit: toAliasUnit(left.name as ts.Identifier, assignment) };
  }
  return { kind: 'escapes', detail: `assigned to ${left.getText()}` };
}

/** `const lib = require('./lib')` where the module itself is the function (`module.exports = f`). */
function requireAlias(call: ts.CallExpression): Use {
  const outer = skipOuterExpressions(call);
  const holder = outer.parent;
  if (
    ts.isVariableDeclaration(holder) &&
    holder.initializer === outer &&
    ts.isIdentifier(holder.name)
  ) {
    return { kind: 'alias', unit: toAliasUnit(holder.name, holder) };
  }
  if (ts.isCallExpression(holder) && holder.expression === outer)
    return { kind: 'call', site: holder };
  return { kind: 'link' };
}

function isDeclarationName(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined || ts.isBinaryExpression(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) {
    // A member access declares only as an assignment's target (`exports.load = …`).
    const assignment = parent.parent;
    return (
      ts.isBinaryExpression(assignment) &&
      assignment.left === parent &&
      assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.getNameOfDeclaration(parent as ts.Declaration) === node
    );
  }
  return ts.getNameOfDeclaration(parent as ts.Declaration) === node;
}

function declarationUse(node: ts.Node, unit: UseSubject): Use {
  const declaration = node.parent;
  if (declaration === unit.declaration || declaration === unit.fn) return { kind: 'link' };
  const related = toUnitOfDeclaration(declaration);
  if (related === undefined || isOverloadOf(declaration, unit)) return { kind: 'link' };
  return { kind: 'related', unit: related };
}

/** A bodiless signature beside the function's implementation (an overload). */
function isOverloadOf(declaration: ts.Node, unit: UseSubject): boolean {
  return (
    (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) &&
    declaration.body === undefined &&
    unit.fn !== undefined &&
    declaration.parent === unit.fn.parent
  );
}

/** Inside `import …`, `export … from`, `export { … }` or `import x = require(…)`. */
function isInImportOrExportDeclaration(node: ts.Node): boolean {
  for (
    let current: ts.Node | undefined = node.parent;
    current !== undefined;
    current = current.parent
  ) {
    if (
      ts.isImportDeclaration(current) ||
      ts.isExportDeclaration(current) ||
      ts.isImportEqualsDeclaration(current)
    ) {
      return true;
    }
    if (ts.isStatement(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

function isInTypePosition(node: ts.Node): boolean {
  for (
    let current: ts.Node | undefined = node.parent;
    current !== undefined;
    current = current.parent
  ) {
    if (ts.isTypeNode(current) && !ts.isExpressionWithTypeArguments(current)) return true;
    if (ts.isJSDoc(current) || ts.isJSDocTypeExpression(current)) return true;
    if (ts.isStatement(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

/** Uses that look at the function without passing it on. */
function isInert(outer: ts.Node, parent: ts.Node): boolean {
  if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent) || ts.isDeleteExpression(parent))
    return true;
  if (ts.isPrefixUnaryExpression(parent)) return true;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent))
    return parent.expression === outer;
  if (ts.isConditionalExpression(parent)) return parent.condition === outer;
  if (ts.isBinaryExpression(parent)) {
    const kind = parent.operatorToken.kind;
    return (
      kind !== ts.SyntaxKind.EqualsToken &&
      kind !== ts.SyntaxKind.CommaToken &&
      kind !== ts.SyntaxKind.BarBarToken &&
      kind !== ts.SyntaxKind.QuestionQuestionToken &&
      kind !== ts.SyntaxKind.AmpersandAmpersandToken
    );
  }
  return false;
}

function describeEscape(parent: ts.Node): string {
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return 'returned as a value';
  if (ts.isArrayLiteralExpression(parent)) return 'stored in an array';
  if (ts.isPropertyDeclaration(parent)) return 'stored in a class field';
  if (ts.isSpreadElement(parent)) return 'spread into a call or array';
  if (ts.isYieldExpression(parent)) return 'yielded as a value';
  return 'used as a value';
}
