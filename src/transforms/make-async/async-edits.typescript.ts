import ts from '../../lang/typescript/typescript.js';
import { closeRank, type EditSet, openRank } from './edit-set.typescript.js';
import type { FunctionBody, FunctionUnit } from './function-units.typescript.js';
import { isPromiseTypeNode } from './promise-types.typescript.js';

/**
 * `async` where the function form wants it: before `function` (after `export`, `export default`
 * and other modifiers), before a method's name (after its modifiers), before an arrow's
 * parameters.
 */
export function addAsyncKeyword(edits: EditSet, fn: FunctionBody, reason?: string): void {
  const sourceFile = fn.getSourceFile();
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
    const keyword = fn
      .getChildren(sourceFile)
      .find((child) => child.kind === ts.SyntaxKind.FunctionKeyword);
    if (keyword !== undefined)
      edits.insert(sourceFile, keyword.getStart(sourceFile), 'async ', reason ?? 'async function');
    return;
  }
  if (ts.isMethodDeclaration(fn)) {
    edits.insert(sourceFile, fn.name.getStart(sourceFile), 'async ', reason ?? 'async method');
    return;
  }
  if (ts.isArrowFunction(fn))
    edits.insert(sourceFile, fn.getStart(sourceFile), 'async ', reason ?? 'async arrow function');
}

/**
 * Every written return type of `unit` becomes `Promise<T>` (`void` → `Promise<void>`; none stays
 * none): the function's own, its overloads', its variable's or property's function type (or
 * the type alias that names it), an interface or abstract signature's, and a JS file's JSDoc
 * `@returns {T}`. Types that are `Promise<…>` already are left alone.
 */
export function addReturnTypeEdits(
  edits: EditSet,
  checker: ts.TypeChecker,
  unit: FunctionUnit,
): void {
  for (const { type, reason } of returnTypesOf(checker, unit)) {
    if (isPromiseTypeNode(type)) continue;
    const sourceFile = type.getSourceFile();
    edits.insert(
      sourceFile,
      type.getStart(sourceFile),
      'Promise<',
      reason,
      openRank(type, sourceFile),
    );
    edits.insert(sourceFile, type.getEnd(), '>', reason, closeRank(type, sourceFile));
  }
}

const REASON = 'return type Promise<T>';

function returnTypesOf(
  checker: ts.TypeChecker,
  unit: FunctionUnit,
): { type: ts.TypeNode; reason: string }[] {
  const found: { type: ts.TypeNode; reason: string }[] = [];
  const add = (type: ts.TypeNode | undefined, reason = REASON): void => {
    if (type !== undefined && !found.some((f) => f.type === type)) found.push({ type, reason });
  };
  const { fn, declaration } = unit;
  add(fn?.type);
  if (
    fn === undefined &&
    (ts.isMethodSignature(declaration) ||
      ts.isMethodDeclaration(declaration) ||
      ts.isFunctionDeclaration(declaration))
  ) {
    add(declaration.type);
  }
  if (
    ts.isVariableDeclaration(declaration) ||
    ts.isPropertyDeclaration(declaration) ||
    ts.isPropertySignature(declaration)
  ) {
    const annotation = declaration.type;
    if (annotation !== undefined && ts.isFunctionTypeNode(annotation)) add(annotation.type);
    const alias = annotation === undefined ? undefined : aliasedFunctionType(checker, annotation);
    if (alias !== undefined) add(alias.type, `${REASON} (type ${alias.name})`);
  }
  for (const overload of overloadsOf(checker, unit)) add(overload.type, `${REASON} (overload)`);
  if (fn !== undefined && /\.[cm]?jsx?$/.test(unit.sourceFile.fileName)) {
    add(ts.getJSDocReturnTag(fn)?.typeExpression?.type, `${REASON} (JSDoc)`);
  }
  return found;
}

/** The function type a type alias names (`type Loader = (id: number) => User`). */
function aliasedFunctionType(
  checker: ts.TypeChecker,
  annotation: ts.TypeNode,
): { type: ts.TypeNode; name: string } | undefined {
  if (!ts.isTypeReferenceNode(annotation)) return undefined;
  const declaration = checker.getSymbolAtLocation(annotation.typeName)?.declarations?.[0];
  if (
    declaration === undefined ||
    !ts.isTypeAliasDeclaration(declaration) ||
    !ts.isFunctionTypeNode(declaration.type)
  ) {
    return undefined;
  }
  if (declaration.getSourceFile().isDeclarationFile) return undefined;
  return { type: declaration.type.type, name: declaration.name.text };
}

/** The bodiless overload signatures of a function or method. */
function overloadsOf(checker: ts.TypeChecker, unit: FunctionUnit): ts.SignatureDeclaration[] {
  const fn = unit.fn;
  if (
    fn === undefined ||
    !(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) ||
    fn.name === undefined
  )
    return [];
  const declarations = checker.getSymbolAtLocation(fn.name)?.declarations ?? [];
  return declarations.filter(
    (d): d is ts.FunctionDeclaration | ts.MethodDeclaration =>
      d !== fn &&
      (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) &&
      d.body === undefined,
  );
}
