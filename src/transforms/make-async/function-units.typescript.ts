import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { isCommonJsExportsObject } from '../../lang/typescript/queries/commonjs.js';
import { toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { FunctionRef } from './contract.js';
import {
  isAssignmentTo,
  skipOuterExpressions,
  unwrapExpression,
} from './expressions.typescript.js';
import { containerName, nameText } from './names.typescript.js';

/** A function with a body, of any form. */
export type FunctionBody =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/**
 * One thing make_async converts or follows: a function (named by its declaration, variable,
 * property or CommonJS export), an interface / abstract signature, an alias that holds a
 * function (`const load = getUser`), or an anonymous function (a callback, an IIFE).
 */
export interface FunctionUnit {
  /** Identity: the absolute file and the start of the function (or its declaration). */
  key: string;
  /** The function with its body; none for signatures and aliases. */
  fn: FunctionBody | undefined;
  /** What declares the name: the function, its variable, property, signature or binding. */
  declaration: ts.Node;
  /** Where references are asked for; none for an anonymous function. */
  nameNode: ts.Node | undefined;
  name: string;
  /** The class, interface or object that declares it. */
  container: string | undefined;
  kind: FunctionRef['kind'];
  sourceFile: ts.SourceFile;
  role: 'function' | 'signature' | 'alias' | 'anonymous';
}

/** True for a function-like node with a body of its own. */
export function isFunctionBody(node: ts.Node): node is FunctionBody {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** Orders units by file, then position. */
export function compareUnits(a: FunctionUnit, b: FunctionUnit): number {
  if (a.sourceFile.fileName !== b.sourceFile.fileName) {
    return a.sourceFile.fileName < b.sourceFile.fileName ? -1 : 1;
  }
  return startOf(a) - startOf(b);
}

function startOf(unit: FunctionUnit): number {
  return (unit.nameNode ?? unit.fn ?? unit.declaration).getStart(unit.sourceFile);
}

/** `Store.load`, or `load` without a container. */
export function qualifiedName(unit: Pick<FunctionUnit, 'name' | 'container'>): string {
  return unit.container === undefined ? unit.name : `${unit.container}.${unit.name}`;
}

/** The contract's view of a unit: where its name is (or where it starts). */
export function toFunctionRef(project: WorkspaceProject, unit: FunctionUnit): FunctionRef {
  const at = unit.nameNode ?? unit.fn ?? unit.declaration;
  return {
    file: project.toRelative(unit.sourceFile.fileName),
    ...toLineColumn(unit.sourceFile, at.getStart(unit.sourceFile)),
    name: unit.name,
    ...(unit.container === undefined ? {} : { container: unit.container }),
    kind: unit.kind,
  };
}

/** The unit of a function with a body: named by what holds it, or anonymous. */
export function toUnitOfFunction(fn: FunctionBody): FunctionUnit {
  const sourceFile = fn.getSourceFile();
  const base = { fn, sourceFile, key: keyOf(fn), role: 'function' as const };
  if (ts.isFunctionDeclaration(fn)) {
    return {
      ...base,
      declaration: fn,
      nameNode: fn.name ?? defaultKeyword(fn),
      name: fn.name?.text ?? 'default',
      container: undefined,
      kind: 'function',
    };
  }
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) {
    const name = ts.isConstructorDeclaration(fn) ? 'constructor' : nameText(fn.name);
    const nameNode = ts.isConstructorDeclaration(fn) ? undefined : fn.name;
    return {
      ...base,
      declaration: fn,
      nameNode,
      name,
      container: containerName(fn.parent),
      kind: 'method',
    };
  }
  const kind = ts.isArrowFunction(fn) ? 'arrow' : 'function-expression';
  const outer = skipOuterExpressions(fn);
  const holder = outer.parent;
  if (
    ts.isVariableDeclaration(holder) &&
    holder.initializer === outer &&
    ts.isIdentifier(holder.name)
  ) {
    return {
      ...base,
      declaration: holder,
      nameNode: holder.name,
      name: holder.name.text,
      container: undefined,
      kind,
    };
  }
  if (
    (ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) &&
    holder.initializer === outer
  ) {
    return {
      ...base,
      declaration: holder,
      nameNode: holder.name,
      name: nameText(holder.name),
      container: containerName(holder.parent),
      kind,
    };
  }
  if (isAssignmentTo(holder, outer) && ts.isPropertyAccessExpression(holder.left)) {
    const target = holder.left.expression;
    // `module.exports = function`: the module is the function.
    const whole = isCommonJsExportsObject(holder.left);
    const container =
      whole || isCommonJsExportsObject(target) ? undefined : target.getText(sourceFile);
    return {
      ...base,
      declaration: holder,
      nameNode: holder.left.name,
      name: whole ? 'module.exports' : holder.left.name.text,
      container,
      kind,
    };
  }
  if (ts.isExportAssignment(holder) && !holder.isExportEquals) {
    const keyword = holder
      .getChildren(sourceFile)
      .find((c) => c.kind === ts.SyntaxKind.DefaultKeyword);
    return {
      ...base,
      declaration: holder,
      nameNode: keyword,
      name: 'default',
      container: undefined,
      kind,
    };
  }
  const ownName = ts.isFunctionExpression(fn) ? fn.name?.text : undefined;
  return {
    ...base,
    role: 'anonymous',
    declaration: fn,
    nameNode: undefined,
    name: ownName ?? '(anonymous)',
    container: undefined,
    kind,
  };
}

/**
 * The unit a declaration stands for: a function, a variable or property holding one, an
 * interface / abstract / overload signature; undefined for anything else.
 */
export function toUnitOfDeclaration(declaration: ts.Node): FunctionUnit | undefined {
  if (isFunctionBody(declaration)) return toUnitOfFunction(declaration);
  const parent = declaration.parent;
  if (
    ts.isPropertyAccessExpression(declaration) &&
    ts.isBinaryExpression(parent) &&
    parent.left === declaration &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    // `exports.load = function () {}`: JavaScript declares `load` at the access.
    return toUnitOfDeclaration(parent);
  }
  const initializer =
    ts.isVariableDeclaration(declaration) ||
    ts.isPropertyDeclaration(declaration) ||
    ts.isPropertyAssignment(declaration)
      ? declaration.initializer
      : ts.isBinaryExpression(declaration)
        ? declaration.right
        : undefined;
  const inner = initializer === undefined ? undefined : unwrapExpression(initializer);
  if (inner !== undefined && isFunctionBody(inner)) return toUnitOfFunction(inner);
  const sourceFile = declaration.getSourceFile();
  const signature = (name: ts.PropertyName): FunctionUnit => ({
    key: keyOf(declaration),
    fn: undefined,
    declaration,
    nameNode: name,
    name: nameText(name),
    container: containerName(declaration.parent),
    kind: 'method',
    sourceFile,
    role: 'signature',
  });
  if (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration))
    return signature(declaration.name);
  if (
    (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) &&
    declaration.type !== undefined &&
    ts.isFunctionTypeNode(declaration.type)
  ) {
    return signature(declaration.name);
  }
  if (ts.isFunctionDeclaration(declaration) && declaration.name !== undefined) {
    return { ...signature(declaration.name), container: undefined, kind: 'function' };
  }
  return undefined;
}

/** A unit for a name that holds a converted function without being one (`const load = getUser`). */
export function toAliasUnit(nameNode: ts.Identifier, declaration: ts.Node): FunctionUnit {
  return {
    key: keyOf(nameNode),
    fn: undefined,
    declaration,
    nameNode,
    name: nameNode.text,
    container: undefined,
    kind: 'function',
    sourceFile: nameNode.getSourceFile(),
    role: 'alias',
  };
}

function keyOf(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  return `${sourceFile.fileName}:${node.getStart(sourceFile)}`;
}

function defaultKeyword(fn: ts.FunctionDeclaration): ts.Node | undefined {
  return fn.modifiers?.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}
