import ts from '../../lang/typescript/typescript.js';
import type { TsFunction } from './resolve.typescript.js';
import type { TsCall } from './sites.typescript.js';

/** What a file must import so its calls can name the new function. */
export interface TsImportNeed {
  kind: 'named' | 'default';
  /** The name imported (`readFile`, `promises`), also the local name. */
  name: string;
  /** The module's symbol (workspace file or library module), to find existing imports of it. */
  module: ts.Symbol | undefined;
  /** A library module's specifier as resolved (`fs`, `node:fs`); workspace files get one per importer. */
  specifier?: string;
  /** The workspace file declaring the function (absolute), for a relative specifier. */
  fileName?: string;
}

/** How one call names the new function. */
export interface TsReplacement {
  /** The callee's new text: `newFn`, `ns.newFn`, `promises.readFile`. */
  text: string;
  /** Needed when nothing in the file names the new function yet. */
  need?: TsImportNeed;
  /** A name the new text binds that already means something else at the call. */
  collision?: string;
}

const resolveAlias = (checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

/**
 * The callee text for `call`: the name the old call's module object exports the new function
 * by (`ns.newFn`), else a name already in scope that means it (a local declaration, an import,
 * a namespace import), else the global name, else a new import's name (free at the call).
 */
export function toReplacement(
  checker: ts.TypeChecker,
  call: TsCall,
  to: TsFunction,
): TsReplacement {
  if (call.qualifier !== undefined) {
    const exported = exportNameIn(checker, call.qualifier.module, to.symbol);
    if (exported !== undefined) {
      return { text: `${call.qualifier.expression.getText(call.sourceFile)}.${exported}` };
    }
  }
  const local = localNameFor(checker, call.sourceFile, to.symbol);
  if (local !== undefined) {
    const head = local.split('.')[0] as string;
    const seen = checker.resolveName(head, call.call, ts.SymbolFlags.Value, false);
    return seen === undefined || !isTopLevel(seen, call.sourceFile)
      ? { text: local, collision: `"${head}" means something else here` }
      : { text: local };
  }
  if (to.global) {
    const head = to.facts.name.split('.')[0] as string;
    const seen = checker.resolveName(head, call.call, ts.SymbolFlags.Value, false);
    const globalHead = checker.resolveName(head, call.sourceFile, ts.SymbolFlags.Value, false);
    return seen === globalHead
      ? { text: to.facts.name }
      : { text: to.facts.name, collision: `"${head}" is shadowed here` };
  }
  const need = toImportNeed(checker, to);
  const seen = checker.resolveName(need.name, call.call, ts.SymbolFlags.Value, false);
  const text = to.library ? [need.name, ...to.library.path.slice(1)].join('.') : need.name;
  if (seen !== undefined) {
    return { text, need, collision: `"${need.name}" is already declared and visible here` };
  }
  return { text, need };
}

/** The import that makes the new function callable by name. */
function toImportNeed(checker: ts.TypeChecker, to: TsFunction): TsImportNeed {
  if (to.library !== undefined) {
    const module = moduleSymbolOf(checker, to.node);
    return {
      kind: 'named',
      name: to.library.path[0] as string,
      module,
      specifier: to.library.module,
    };
  }
  const declaration = to.symbol.valueDeclaration ?? to.symbol.declarations?.[0];
  const sourceFile = declaration?.getSourceFile();
  const module = sourceFile === undefined ? undefined : moduleSymbolOfFile(checker, sourceFile);
  const exported = module === undefined ? undefined : exportNameIn(checker, module, to.symbol);
  const own = to.symbol.name;
  return {
    kind: exported === 'default' ? 'default' : 'named',
    name: exported === undefined || exported === 'default' ? own : exported,
    module,
    ...(sourceFile ? { fileName: sourceFile.fileName } : {}),
  };
}

/** True when the new function is exported by its module (so other files can import it). */
export function isExported(checker: ts.TypeChecker, to: TsFunction): boolean {
  if (to.library !== undefined || to.global) return true;
  const declaration = to.symbol.valueDeclaration ?? to.symbol.declarations?.[0];
  const sourceFile = declaration?.getSourceFile();
  const module = sourceFile === undefined ? undefined : moduleSymbolOfFile(checker, sourceFile);
  return module !== undefined && exportNameIn(checker, module, to.symbol) !== undefined;
}

/** The name `module` exports `target` by (`default` included), if it does. */
export function exportNameIn(
  checker: ts.TypeChecker,
  module: ts.Symbol,
  target: ts.Symbol,
): string | undefined {
  const names = checker
    .getExportsOfModule(module)
    .filter((e) => resolveAlias(checker, e) === target || exportedValueOf(checker, e) === target)
    .map((e) => e.name)
    .sort();
  return names.find((n) => n !== 'default') ?? names[0];
}

/** A top-level name of `sourceFile` that means `target` (`newFn`, `ns.newFn`), if one does. */
function localNameFor(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  target: ts.Symbol,
): string | undefined {
  const names: string[] = [];
  for (const identifier of topLevelNames(sourceFile)) {
    const symbol = checker.getSymbolAtLocation(identifier);
    if (symbol === undefined) continue;
    const resolved = resolveAlias(checker, symbol);
    if (resolved === target) names.push(identifier.text);
    else if (resolved.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) {
      const exported = exportNameIn(checker, resolved, target);
      if (exported !== undefined && exported !== 'default')
        names.push(`${identifier.text}.${exported}`);
    }
  }
  return names.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
}

/** The identifiers a file's top-level statements declare (imports, functions, variables). */
function topLevelNames(sourceFile: ts.SourceFile): ts.Identifier[] {
  const names: ts.Identifier[] = [];
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name);
    else
      for (const element of name.elements)
        if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
      const clause = statement.importClause;
      if (clause.isTypeOnly) continue;
      if (clause.name) names.push(clause.name);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name);
      else if (bindings)
        for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      names.push(statement.name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        addBinding(declaration.name);
    }
  }
  return names;
}

function isTopLevel(symbol: ts.Symbol, sourceFile: ts.SourceFile): boolean {
  return (symbol.declarations ?? []).some(
    (d) => d.getSourceFile() === sourceFile && isAtTopLevel(d),
  );
}

function isAtTopLevel(node: ts.Node): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isSourceFile(current)) return true;
    if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isBlock(current)) return false;
  }
  return false;
}

/** The module symbol a probe's namespace use (`__probe.x.name`) reads from. */
function moduleSymbolOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  let head: ts.Node = node.parent;
  while (ts.isPropertyAccessExpression(head) && ts.isPropertyAccessExpression(head.expression))
    head = head.expression;
  if (!ts.isPropertyAccessExpression(head)) return undefined;
  const found = checker.getSymbolAtLocation(head.expression);
  return found === undefined ? undefined : resolveAlias(checker, found);
}

/** The value a CommonJS export holds (`module.exports = { load }`, `exports.load = load`). */
function exportedValueOf(checker: ts.TypeChecker, exported: ts.Symbol): ts.Symbol | undefined {
  for (const declaration of exported.declarations ?? []) {
    let found: ts.Symbol | undefined;
    if (ts.isShorthandPropertyAssignment(declaration)) {
      found = checker.getShorthandAssignmentValueSymbol(declaration);
    } else if (ts.isPropertyAssignment(declaration)) {
      found = checker.getSymbolAtLocation(declaration.initializer);
    } else {
      const parent: ts.Node = declaration.parent;
      if (ts.isBinaryExpression(parent) && (parent.left as ts.Node) === declaration) {
        found = checker.getSymbolAtLocation(parent.right);
      }
    }
    if (found !== undefined) return resolveAlias(checker, found);
  }
  return undefined;
}

/** A file's module symbol (CommonJS files have one the checker does not hand out by location). */
export function moduleSymbolOfFile(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
): ts.Symbol | undefined {
  return checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as { symbol?: ts.Symbol }).symbol;
}
