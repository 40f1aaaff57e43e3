import { isRequireCall } from '../../lang/typescript/queries/commonjs.js';
import ts from '../../lang/typescript/typescript.js';
import type { EditSet } from './edit-set.typescript.js';
import type { ModuleBinding } from './module-bindings.typescript.js';

/** Per file: how rewritten calls reach `fs/promises`, and the import edits that takes. */
export interface PromisesImports {
  /**
   * What to call `fs/promises`'s `name` by at `call` (written where `binding`, a named import
   * or `require` binding of `fs`, was used): an existing `fs/promises` import's name, the
   * file's `fs` namespace (`fs.promises.readFile`), or a new named import of `name`; undefined
   * when none is free there.
   */
  calleeFor(call: ts.CallExpression, binding: ModuleBinding, name: string): string | undefined;
  /** Records that `identifier` (a use of an `fs` binding) was rewritten. */
  rewritten(identifier: ts.Identifier): void;
  /** The import edits: new `fs/promises` names added, `fs` bindings no longer used removed. */
  addEdits(edits: EditSet, checker: ts.TypeChecker): void;
}

interface FileState {
  sourceFile: ts.SourceFile;
  /** The `fs` import or `require` statement the first new name is added after. */
  anchor: ModuleBinding;
  added: string[];
  /** An existing `fs/promises` named import to add to. */
  extend: ts.NamedImports | ts.ObjectBindingPattern | undefined;
  bindings: Set<ts.ImportSpecifier | ts.BindingElement>;
}

/** Creates the import planner for one conversion. */
export function createPromisesImports(checker: ts.TypeChecker): PromisesImports {
  const files = new Map<ts.SourceFile, FileState>();
  const rewritten = new Set<ts.Node>();
  return {
    calleeFor(call, binding, name) {
      const sourceFile = call.getSourceFile();
      const existing = findPromisesImport(sourceFile, name);
      const state = files.get(sourceFile) ?? {
        sourceFile,
        anchor: binding,
        added: [],
        extend: existing?.extend,
        bindings: new Set(),
      };
      files.set(sourceFile, state);
      if (existing?.callee !== undefined) return keep(state, binding, existing.callee);
      const namespace = findFsNamespace(sourceFile);
      if (namespace !== undefined) return keep(state, binding, `${namespace}.promises.${name}`);
      if (state.added.includes(name)) return keep(state, binding, name);
      if (checker.getSymbolsInScope(call, ts.SymbolFlags.Value).some((s) => s.name === name)) {
        return undefined;
      }
      keep(state, binding, name);
      state.added.push(name);
      return name;
    },
    rewritten(identifier) {
      rewritten.add(identifier);
    },
    addEdits(edits, innerChecker) {
      for (const state of files.values()) addFileEdits(edits, innerChecker, state, rewritten);
    },
  };
}

/** Notes `binding` as one that may end up unused, and returns `callee`. */
function keep(state: FileState, binding: ModuleBinding, callee: string): string {
  if (binding.binding !== undefined) state.bindings.add(binding.binding);
  return callee;
}

function addFileEdits(
  edits: EditSet,
  checker: ts.TypeChecker,
  state: FileState,
  rewritten: ReadonlySet<ts.Node>,
): void {
  const { sourceFile, anchor } = state;
  const unused = new Set<ts.Node>(
    [...state.bindings].filter((binding) => isUnusedAfter(checker, binding, rewritten)),
  );
  const statements = new Set([...state.bindings].filter((b) => unused.has(b)).map(statementOf));
  const newNames = [...state.added].sort();
  if (newNames.length > 0 && state.extend !== undefined) {
    const last = state.extend.elements.at(-1);
    const at = last?.getEnd() ?? state.extend.getStart(sourceFile) + 1;
    edits.insert(
      sourceFile,
      at,
      `${last === undefined ? ' ' : ', '}${newNames.join(', ')}`,
      'import fixed',
    );
  }
  const newImport =
    newNames.length > 0 && state.extend === undefined ? importText(anchor, newNames) : undefined;
  let placed = newImport === undefined;
  for (const statement of [...statements].sort((a, b) => a.pos - b.pos)) {
    const list = bindingListOf(statement);
    if (list === undefined) continue;
    const kept = list.elements.filter((e: ts.Node) => !unused.has(e));
    const start = statement.getStart(sourceFile);
    if (kept.length === 0 && isOnlyBindingList(statement)) {
      const removeTo = placed ? lineEndAfter(sourceFile, statement.getEnd()) : statement.getEnd();
      edits.replace(
        sourceFile,
        start,
        removeTo,
        placed ? '' : (newImport as string),
        placed ? 'import removed' : 'import fixed',
      );
      placed = true;
      continue;
    }
    const defaultName = ts.isImportDeclaration(statement)
      ? statement.importClause?.name
      : undefined;
    if (kept.length === 0 && defaultName !== undefined) {
      edits.replace(sourceFile, defaultName.getEnd(), list.getEnd(), '', 'import fixed');
      continue;
    }
    const text = kept.map((e) => e.getText(sourceFile)).join(', ');
    edits.replace(
      sourceFile,
      list.getStart(sourceFile),
      list.getEnd(),
      `{ ${text} }`,
      'import fixed',
    );
  }
  if (!placed && anchor.statement !== undefined) {
    edits.insert(sourceFile, anchor.statement.getEnd(), `\n${newImport as string}`, 'import added');
  }
}

/** `offset`, or past the line break that follows it directly. */
function lineEndAfter(sourceFile: ts.SourceFile, offset: number): number {
  const match = /^\r?\n|^\r/.exec(sourceFile.text.slice(offset, offset + 2));
  return offset + (match?.[0].length ?? 0);
}

/** True when every use of `binding` but its declaration was rewritten. */
function isUnusedAfter(
  checker: ts.TypeChecker,
  binding: ts.ImportSpecifier | ts.BindingElement,
  rewritten: ReadonlySet<ts.Node>,
): boolean {
  const symbol = checker.getSymbolAtLocation(binding.name);
  if (symbol === undefined) return false;
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node) && node !== binding.name && !rewritten.has(node)) {
      const at = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (at === symbol) used = true;
    }
    node.forEachChild(visit);
  };
  visit(binding.getSourceFile());
  return !used;
}

function statementOf(binding: ts.ImportSpecifier | ts.BindingElement): ts.Statement {
  let current: ts.Node = binding;
  while (!ts.isSourceFile(current.parent)) current = current.parent;
  return current as ts.Statement;
}

function bindingListOf(
  statement: ts.Statement,
): ts.NamedImports | ts.ObjectBindingPattern | undefined {
  if (ts.isImportDeclaration(statement)) {
    const named = statement.importClause?.namedBindings;
    return named !== undefined && ts.isNamedImports(named) ? named : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    const name = statement.declarationList.declarations[0]?.name;
    return name !== undefined && ts.isObjectBindingPattern(name) ? name : undefined;
  }
  return undefined;
}

/** `import { a } from 'fs'` (no default) or `const { a } = require('fs')` (one declaration). */
function isOnlyBindingList(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement)) return statement.importClause?.name === undefined;
  return ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1;
}

function importText(anchor: ModuleBinding, names: readonly string[]): string {
  const statementText = anchor.statement?.getText() ?? '';
  const quote = statementText.includes('"') ? '"' : "'";
  const semicolon = statementText.endsWith(';') ? ';' : '';
  const module = `${quote}${anchor.module.startsWith('node:') ? 'node:' : ''}fs/promises${quote}`;
  const list = `{ ${names.join(', ')} }`;
  if (anchor.statement !== undefined && ts.isImportDeclaration(anchor.statement)) {
    return `import ${list} from ${module}${semicolon}`;
  }
  return `const ${list} = require(${module})${semicolon}`;
}

/** An `fs/promises` import of the file, and what it calls `name` by. */
function findPromisesImport(
  sourceFile: ts.SourceFile,
  name: string,
): { callee?: string; extend?: ts.NamedImports | ts.ObjectBindingPattern } | undefined {
  for (const statement of sourceFile.statements) {
    const specifier = moduleOf(statement);
    if (specifier !== 'fs/promises' && specifier !== 'node:fs/promises') continue;
    if (ts.isImportDeclaration(statement)) {
      const named = statement.importClause?.namedBindings;
      if (statement.importClause?.isTypeOnly === true || named === undefined) continue;
      if (ts.isNamespaceImport(named)) return { callee: `${named.name.text}.${name}` };
      const found = named.elements.find(
        (e) => (e.propertyName ?? e.name).text === name && !e.isTypeOnly,
      );
      return found === undefined ? { extend: named } : { callee: found.name.text };
    }
    const declaration = (statement as ts.VariableStatement).declarationList.declarations[0];
    if (declaration === undefined) continue;
    if (ts.isIdentifier(declaration.name)) return { callee: `${declaration.name.text}.${name}` };
    if (!ts.isObjectBindingPattern(declaration.name)) continue;
    const found = declaration.name.elements.find(
      (e) => (e.propertyName ?? e.name).getText() === name && ts.isIdentifier(e.name),
    );
    return found === undefined
      ? { extend: declaration.name }
      : { callee: (found.name as ts.Identifier).text };
  }
  return undefined;
}

/** The file's top-level name for the whole `fs` module (`import * as fs`, `import fs`, `const fs = require('fs')`). */
function findFsNamespace(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    const specifier = moduleOf(statement);
    if (specifier !== 'fs' && specifier !== 'node:fs') continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause === undefined || clause.isTypeOnly) continue;
      if (clause.name !== undefined) return clause.name.text;
      if (clause.namedBindings !== undefined && ts.isNamespaceImport(clause.namedBindings))
        return clause.namedBindings.name.text;
      continue;
    }
    const name = (statement as ts.VariableStatement).declarationList.declarations[0]?.name;
    if (name !== undefined && ts.isIdentifier(name)) return name.text;
  }
  return undefined;
}

/** The module an import declaration or a top-level `const … = require('m')` names. */
function moduleOf(statement: ts.Statement): string | undefined {
  if (ts.isImportDeclaration(statement)) {
    return ts.isStringLiteral(statement.moduleSpecifier)
      ? statement.moduleSpecifier.text
      : undefined;
  }
  if (!ts.isVariableStatement(statement)) return undefined;
  const initializer = statement.declarationList.declarations[0]?.initializer;
  if (initializer === undefined || !isRequireCall(initializer)) return undefined;
  return ((initializer as ts.CallExpression).arguments[0] as ts.StringLiteral).text;
}
