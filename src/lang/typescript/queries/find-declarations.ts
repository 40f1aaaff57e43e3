import type { SymbolDefinition, SymbolKind } from '../../../core/source-types.js';
import ts from '../typescript.js';
import { isRequiredName } from './commonjs.js';
import { toLineColumn } from './positions.js';

/** A JS/TS file to look in: its absolute name, workspace-relative path and text. */
export interface SourceText {
  fileName: string;
  file: string;
  text: string;
}

/**
 * Declarations named exactly `name` in `files`, read syntactically (each file parsed alone:
 * no program, no type check), at the position of the declared name, with the declaration that
 * contains it (class, interface, enum, namespace, function, or the variable an object literal
 * or class expression is assigned to). Imports, re-exports and `require()` bindings are uses,
 * not declarations.
 */
export function findDeclarations(name: string, files: readonly SourceText[]): SymbolDefinition[] {
  const found: SymbolDefinition[] = [];
  for (const source of files) {
    if (!source.text.includes(name)) continue;
    const sourceFile = ts.createSourceFile(
      source.fileName,
      source.text,
      ts.ScriptTarget.Latest,
      true,
      scriptKindOf(source.fileName),
    );
    const visit = (node: ts.Node, container: string | undefined): void => {
      const declared = listedName(node);
      const kind = declared === undefined ? undefined : kindOf(node);
      if (
        declared !== undefined &&
        kind !== undefined &&
        declared.text === name &&
        !isRequiredName(declared)
      ) {
        found.push({
          file: source.file,
          ...toLineColumn(sourceFile, declared.getStart(sourceFile)),
          name,
          kind,
          language: 'typescript',
          ...(container ? { container } : {}),
        });
      }
      const inner = containerName(node) ?? container;
      node.forEachChild((child) => visit(child, inner));
    };
    visit(sourceFile, undefined);
  }
  return found;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName) || fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * The name a node declares, when it is one a declaration search lists (as the language
 * service's navigate-to does): not a plain parameter (a constructor's `private x` is a
 * property), and an object literal's members only when the object is a variable's value.
 */
function listedName(node: ts.Node): ts.Identifier | ts.PrivateIdentifier | undefined {
  if (ts.isParameter(node) && !isParameterProperty(node)) return undefined;
  if (ts.isBindingElement(node) && variableKind(node) === 'parameter') return undefined;
  if (
    ts.isPropertySignature(node) &&
    ts.isTypeLiteralNode(node.parent) &&
    !isNamedType(node.parent)
  ) {
    return undefined;
  }
  if (
    (ts.isPropertyAssignment(node) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isMethodDeclaration(node)) &&
    ts.isObjectLiteralExpression(node.parent) &&
    !isVariableValue(node.parent)
  ) {
    return undefined;
  }
  return declaredName(node);
}

/** True for a type literal that is (part of) a type alias or an interface member's type. */
function isNamedType(literal: ts.TypeLiteralNode): boolean {
  for (let current: ts.Node = literal; current.parent !== undefined; current = current.parent) {
    if (ts.isTypeAliasDeclaration(current.parent) || ts.isInterfaceDeclaration(current.parent))
      return true;
    if (ts.isFunctionLike(current.parent) || ts.isVariableDeclaration(current.parent)) return false;
  }
  return false;
}

function isParameterProperty(node: ts.ParameterDeclaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.ParameterPropertyModifier) !== 0;
}

/** True for an object literal that is a variable's value (or nested in one). */
function isVariableValue(object: ts.ObjectLiteralExpression): boolean {
  let current: ts.Node = object;
  while (ts.isObjectLiteralExpression(current) && ts.isPropertyAssignment(current.parent)) {
    current = current.parent.parent;
  }
  return ts.isVariableDeclaration(current.parent) && current.parent.initializer === current;
}

/** The identifier a node declares, when it is a declaration we list. */
function declaredName(node: ts.Node): ts.Identifier | ts.PrivateIdentifier | undefined {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isClassExpression(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isBindingElement(node) ||
    ts.isParameter(node)
  ) {
    const declared = node.name;
    if (declared !== undefined && (ts.isIdentifier(declared) || ts.isPrivateIdentifier(declared)))
      return declared;
  }
  return undefined;
}

function kindOf(node: ts.Node): SymbolKind | undefined {
  if (ts.isFunctionDeclaration(node)) return 'function';
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return 'class';
  if (ts.isInterfaceDeclaration(node)) return 'interface';
  if (ts.isTypeAliasDeclaration(node)) return 'type';
  if (ts.isEnumDeclaration(node)) return 'enum';
  if (ts.isEnumMember(node)) return 'constant';
  if (ts.isModuleDeclaration(node)) return 'module';
  if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) return 'method';
  if (ts.isParameter(node)) return 'property';
  if (ts.isVariableDeclaration(node) || ts.isBindingElement(node)) return variableKind(node);
  return 'property';
}

/** `const` → constant, `let`/`var` → variable (a destructured name follows its declaration). */
function variableKind(node: ts.VariableDeclaration | ts.BindingElement): SymbolKind | undefined {
  let current: ts.Node = node;
  while (
    ts.isBindingElement(current) ||
    ts.isObjectBindingPattern(current) ||
    ts.isArrayBindingPattern(current)
  ) {
    current = current.parent;
  }
  if (ts.isParameter(current)) return 'parameter';
  if (!ts.isVariableDeclaration(current)) return undefined;
  const list = current.parent;
  if (!ts.isVariableDeclarationList(list)) return 'variable';
  return list.flags & ts.NodeFlags.Const ? 'constant' : 'variable';
}

/** The name children of `node` are declared in, when `node` is such a container. */
function containerName(node: ts.Node): string | undefined {
  if (
    ts.isClassLike(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node)
  ) {
    const declared = node.name;
    if (
      declared !== undefined &&
      (ts.isIdentifier(declared) ||
        ts.isStringLiteral(declared) ||
        ts.isPrivateIdentifier(declared))
    ) {
      return declared.text;
    }
    return undefined;
  }
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer !== undefined
  ) {
    const value = node.initializer;
    if (ts.isObjectLiteralExpression(value) || ts.isClassExpression(value)) return node.name.text;
  }
  return undefined;
}
