import { isRequireCall } from '../../lang/typescript/queries/commonjs.js';
import ts from '../../lang/typescript/typescript.js';
import { unwrapExpression } from './expressions.typescript.js';

/** What an expression is, in terms of a module: the module itself, or one of its exports. */
export interface ModuleBinding {
  /** The module as written (`fs`, `node:fs`). */
  module: string;
  /** `*` for the module object (namespace, default of a builtin, `require` of it), else the export. */
  imported: string;
  /** The statement that brings it in (an import declaration or a `require` variable statement). */
  statement: ts.Statement | undefined;
  /** The local binding, when the expression is one (`readFileSync` of `import { readFileSync }`). */
  binding?: ts.ImportSpecifier | ts.BindingElement;
}

const MAX_DEPTH = 8;

/**
 * Resolves `expression` to a module binding through the checker: named, default and namespace
 * imports, `import x = require()`, `require()` with destructuring, `require('m').x`, and local
 * aliases of those (`const read = fs.readFileSync`). Undefined when it is none of these.
 */
export function resolveModuleBinding(
  checker: ts.TypeChecker,
  expression: ts.Expression,
  depth = 0,
): ModuleBinding | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(expression);
  if (isRequireCall(node)) {
    const [specifier] = (node as ts.CallExpression).arguments as unknown as [ts.StringLiteral];
    return { module: specifier.text, imported: '*', statement: statementOf(node) };
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const member = ts.isPropertyAccessExpression(node)
      ? node.name.text
      : ts.isStringLiteralLike(node.argumentExpression)
        ? node.argumentExpression.text
        : undefined;
    if (member === undefined) return undefined;
    const base = resolveModuleBinding(checker, node.expression, depth + 1);
    if (base === undefined) return undefined;
    return {
      ...base,
      imported: base.imported === '*' ? member : `${base.imported}.${member}`,
      binding: undefined,
    };
  }
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.declarations?.[0];
  return declaration === undefined ? undefined : fromDeclaration(checker, declaration, depth);
}

function fromDeclaration(
  checker: ts.TypeChecker,
  declaration: ts.Declaration,
  depth: number,
): ModuleBinding | undefined {
  if (ts.isImportSpecifier(declaration)) {
    const importDeclaration = declaration.parent.parent.parent;
    if (
      !ts.isImportDeclaration(importDeclaration) ||
      !ts.isStringLiteral(importDeclaration.moduleSpecifier)
    ) {
      return undefined;
    }
    const imported = (declaration.propertyName ?? declaration.name).text;
    return {
      module: importDeclaration.moduleSpecifier.text,
      imported,
      statement: importDeclaration,
      binding: declaration,
    };
  }
  if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration)) {
    const importDeclaration = ts.isNamespaceImport(declaration)
      ? declaration.parent.parent
      : declaration.parent;
    if (
      !ts.isImportDeclaration(importDeclaration) ||
      !ts.isStringLiteral(importDeclaration.moduleSpecifier)
    ) {
      return undefined;
    }
    // The default export of a builtin module is the module object.
    return {
      module: importDeclaration.moduleSpecifier.text,
      imported: '*',
      statement: importDeclaration,
    };
  }
  if (ts.isImportEqualsDeclaration(declaration)) {
    const reference = declaration.moduleReference;
    if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression))
      return undefined;
    return { module: reference.expression.text, imported: '*', statement: declaration };
  }
  if (
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    (isConstLike(declaration) || isRequireOrMember(declaration.initializer))
  ) {
    return resolveModuleBinding(checker, declaration.initializer, depth + 1);
  }
  if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
    const variable = declaration.parent.parent;
    if (
      !ts.isVariableDeclaration(variable) ||
      variable.initializer === undefined ||
      declaration.dotDotDotToken
    ) {
      return undefined;
    }
    const property = declaration.propertyName ?? declaration.name;
    if (!ts.isIdentifier(property) && !ts.isStringLiteral(property)) return undefined;
    const base = resolveModuleBinding(checker, variable.initializer, depth + 1);
    if (base?.imported !== '*') return undefined;
    return { ...base, imported: property.text, binding: declaration };
  }
  return undefined;
}

/** `require('m')` or `require('m').x`: what a `var`/`let` may hold and still name the module. */
function isRequireOrMember(node: ts.Expression): boolean {
  const inner = unwrapExpression(node);
  return (
    isRequireCall(inner) ||
    (ts.isPropertyAccessExpression(inner) && isRequireCall(unwrapExpression(inner.expression)))
  );
}

/** A `const`: the only binding certain to hold what it was initialised with. */
function isConstLike(declaration: ts.VariableDeclaration): boolean {
  return (
    ts.isVariableDeclarationList(declaration.parent) &&
    (declaration.parent.flags & ts.NodeFlags.Const) !== 0
  );
}

function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isVariableStatement(current) || ts.isExpressionStatement(current)) return current;
    if (ts.isBlock(current) || ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}
