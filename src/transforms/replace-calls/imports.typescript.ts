import path from 'node:path';
import ts from 'typescript';
import type { RangeEdit } from '../../core/change/change-types.js';
import { toBindingRemovalSpans } from '../../lang/typescript/queries/import-binding-spans.js';
import { toPositionTuple } from '../../lang/typescript/queries/positions.js';
import { toDeletions } from '../../lang/typescript/queries/unused-import-edits.js';
import type { TsImportNeed } from './scope.typescript.js';

/** The import edits of one file, and what they do, for the facts. */
export interface TsImportEdits {
  edits: RangeEdit[];
  added: Array<{ offset: number; text: string }>;
  removed: Array<{ offset: number; name: string }>;
}

const resolveAlias = (checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

/**
 * The import edits of a file whose calls were replaced: each import binding the replaced calls
 * used (counted in `consumed`) goes when nothing else in the file uses it; each need is met by a
 * binding turned in place (`{ oldFn }` → `{ newFn }` from the same module), a name added to an
 * import of the module, or a new import after the file's last one, in the file's own quotes,
 * semicolons and line ending.
 */
export function toImportEdits(
  checker: ts.TypeChecker,
  options: ts.CompilerOptions,
  sourceFile: ts.SourceFile,
  consumed: ReadonlyMap<ts.Symbol, number>,
  needs: readonly TsImportNeed[],
): TsImportEdits {
  const declarations = sourceFile.statements.filter(ts.isImportDeclaration);
  const removals = new Map<ts.ImportDeclaration, Set<string>>();
  const result: TsImportEdits = { edits: [], added: [], removed: [] };
  for (const [symbol, count] of consumed) {
    const binding = importBindingOf(symbol, sourceFile);
    if (binding === undefined || countUses(checker, sourceFile, symbol, binding.name) > count)
      continue;
    const names = removals.get(binding.declaration) ?? new Set<string>();
    names.add(binding.name.text);
    removals.set(binding.declaration, names);
    result.removed.push({ offset: binding.name.getStart(sourceFile), name: binding.name.text });
  }
  const insertions: string[] = [];
  for (const need of needs) {
    const converted = need.kind === 'named' ? convertInPlace(checker, need, removals) : undefined;
    if (converted !== undefined) {
      result.edits.push(replaceNode(sourceFile, converted, need.name, 'import replaced'));
      continue;
    }
    const existing =
      need.kind === 'named'
        ? declarations.find(
            (d) =>
              moduleOfDeclaration(checker, d) === need.module &&
              need.module !== undefined &&
              hasNamedImports(d) &&
              !removals.has(d),
          )
        : undefined;
    const named = existing?.importClause?.namedBindings as ts.NamedImports | undefined;
    const last = named?.elements.at(-1);
    if (last !== undefined) {
      const at = toPositionTuple(sourceFile, last.end);
      result.edits.push({
        start: at,
        end: at,
        oldText: '',
        newText: `, ${need.name}`,
        reason: 'import added',
      });
      result.added.push({ offset: last.end, text: need.name });
      continue;
    }
    insertions.push(importText(sourceFile, options, need));
  }
  for (const [declaration, names] of removals) {
    if (names.size === 0) continue;
    result.edits.push(
      ...toDeletions(
        sourceFile,
        toBindingRemovalSpans(sourceFile, declaration, names),
        'import removed',
      ),
    );
  }
  if (insertions.length > 0) {
    const insertion = toInsertion(sourceFile, insertions);
    result.edits.push(insertion.edit);
    for (const text of insertions) result.added.push({ offset: insertion.offset, text });
  }
  return result;
}

/** The import declaration and name node that declare `symbol` in `sourceFile`, if an import does. */
function importBindingOf(
  symbol: ts.Symbol,
  sourceFile: ts.SourceFile,
): { declaration: ts.ImportDeclaration; name: ts.Identifier } | undefined {
  for (const declaration of symbol.declarations ?? []) {
    if (declaration.getSourceFile() !== sourceFile) continue;
    let statement: ts.Node = declaration;
    while (!ts.isSourceFile(statement.parent)) statement = statement.parent;
    const name = ts.getNameOfDeclaration(declaration);
    if (ts.isImportDeclaration(statement) && name !== undefined && ts.isIdentifier(name)) {
      return { declaration: statement, name };
    }
  }
  return undefined;
}

/** How many times the file uses the binding `symbol` (its declaration left out). */
function countUses(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  symbol: ts.Symbol,
  declared: ts.Identifier,
): number {
  let uses = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === declared.text && node !== declared) {
      const parent = node.parent;
      if (ts.isExportSpecifier(parent)) uses += 1;
      else if (ts.isShorthandPropertyAssignment(parent)) {
        if (checker.getShorthandAssignmentValueSymbol(parent) === symbol) uses += 1;
      } else if (checker.getSymbolAtLocation(node) === symbol) uses += 1;
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return uses;
}

/** A named binding being removed from an import of the need's module: it becomes the new name. */
function convertInPlace(
  checker: ts.TypeChecker,
  need: TsImportNeed,
  removals: Map<ts.ImportDeclaration, Set<string>>,
): ts.ImportSpecifier | undefined {
  for (const [declaration, names] of removals) {
    if (need.module === undefined || moduleOfDeclaration(checker, declaration) !== need.module)
      continue;
    const named = declaration.importClause?.namedBindings;
    if (named === undefined || !ts.isNamedImports(named)) continue;
    const element = named.elements.find((e) => names.has(e.name.text) && !e.isTypeOnly);
    if (element === undefined) continue;
    names.delete(element.name.text);
    return element;
  }
  return undefined;
}

function moduleOfDeclaration(
  checker: ts.TypeChecker,
  declaration: ts.ImportDeclaration,
): ts.Symbol | undefined {
  const found = checker.getSymbolAtLocation(declaration.moduleSpecifier);
  return found === undefined ? undefined : resolveAlias(checker, found);
}

function hasNamedImports(declaration: ts.ImportDeclaration): boolean {
  const clause = declaration.importClause;
  return (
    clause !== undefined &&
    !clause.isTypeOnly &&
    clause.namedBindings !== undefined &&
    ts.isNamedImports(clause.namedBindings)
  );
}

function replaceNode(
  sourceFile: ts.SourceFile,
  node: ts.Node,
  text: string,
  reason: string,
): RangeEdit {
  const start = node.getStart(sourceFile);
  return {
    start: toPositionTuple(sourceFile, start),
    end: toPositionTuple(sourceFile, node.end),
    oldText: sourceFile.text.slice(start, node.end),
    newText: text,
    reason,
  };
}

/** `import { newFn } from './new.js';` (or a `require` in a CommonJS file), in the file's style. */
function importText(
  sourceFile: ts.SourceFile,
  options: ts.CompilerOptions,
  need: TsImportNeed,
): string {
  const specifier = need.specifier ?? toSpecifier(sourceFile, options, need.fileName as string);
  const first = sourceFile.statements.find(ts.isImportDeclaration);
  const quote = first?.moduleSpecifier.getText(sourceFile).startsWith('"') ? '"' : "'";
  const semicolon = first === undefined || first.getText(sourceFile).endsWith(';') ? ';' : '';
  const module = `${quote}${specifier}${quote}`;
  if (isCommonJs(sourceFile)) {
    return need.kind === 'default'
      ? `const ${need.name} = require(${module})${semicolon}`
      : `const { ${need.name} } = require(${module})${semicolon}`;
  }
  return need.kind === 'default'
    ? `import ${need.name} from ${module}${semicolon}`
    : `import { ${need.name} } from ${module}${semicolon}`;
}

/**
 * A relative specifier for `target` from `sourceFile`, written the way the file writes its
 * other relative imports: with `.js` for a `.ts` file, with the real extension, or without.
 */
function toSpecifier(
  sourceFile: ts.SourceFile,
  options: ts.CompilerOptions,
  target: string,
): string {
  const relative = path.posix.relative(path.posix.dirname(sourceFile.fileName), target);
  const bare = (relative.startsWith('.') ? relative : `./${relative}`).replace(
    /\.[cm]?[jt]sx?$/,
    '',
  );
  const extension = /\.[cm]?[jt]sx?$/.exec(target)?.[0] ?? '';
  const asJs = extension.replace(/^\.([cm]?)tsx?$/, '.$1js');
  const written = relativeSpecifiers(sourceFile)[0];
  if (written !== undefined) {
    const ext = /\.[cm]?[jt]sx?$/.exec(written)?.[0];
    if (ext === undefined) return bare;
    return /^\.[cm]?js/.test(ext) ? `${bare}${asJs}` : `${bare}${extension}`;
  }
  if (/\.[cm]?jsx?$/.test(sourceFile.fileName)) return `${bare}${asJs}`;
  const resolution = options.moduleResolution;
  const nodeNext =
    resolution === ts.ModuleResolutionKind.NodeNext ||
    resolution === ts.ModuleResolutionKind.Node16;
  return nodeNext ? `${bare}${asJs}` : bare;
}

function relativeSpecifiers(sourceFile: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.moduleSpecifier.text.startsWith('.'))
        found.push(statement.moduleSpecifier.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requiredSpecifier(declaration.initializer);
        if (specifier?.startsWith('.')) found.push(specifier);
      }
    }
  }
  return found;
}

function requiredSpecifier(node: ts.Node | undefined): string | undefined {
  if (node === undefined || !ts.isCallExpression(node)) return undefined;
  const [argument] = node.arguments;
  return ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    argument !== undefined &&
    ts.isStringLiteral(argument)
    ? argument.text
    : undefined;
}

/** A file that loads modules with `require` and has no import declaration. */
function isCommonJs(sourceFile: ts.SourceFile): boolean {
  if (sourceFile.statements.some(ts.isImportDeclaration)) return false;
  if (/\.cjs$/.test(sourceFile.fileName)) return true;
  return sourceFile.statements.some(
    (s) =>
      ts.isVariableStatement(s) &&
      s.declarationList.declarations.some((d) => requiredSpecifier(d.initializer) !== undefined),
  );
}

/** New import lines after the file's last import (or `require`), else at its top. */
function toInsertion(
  sourceFile: ts.SourceFile,
  lines: readonly string[],
): { edit: RangeEdit; offset: number } {
  const text = sourceFile.text;
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const anchors = sourceFile.statements.filter(
    (s) =>
      ts.isImportDeclaration(s) ||
      (ts.isVariableStatement(s) &&
        s.declarationList.declarations.some((d) => requiredSpecifier(d.initializer) !== undefined)),
  );
  const directives = sourceFile.statements.filter(
    (s, i) =>
      ts.isExpressionStatement(s) &&
      ts.isStringLiteral(s.expression) &&
      sourceFile.statements
        .slice(0, i)
        .every((p) => ts.isExpressionStatement(p) && ts.isStringLiteral(p.expression)),
  );
  const after = anchors.at(-1) ?? directives.at(-1);
  const block = lines.join(eol);
  let offset: number;
  let newText: string;
  if (after !== undefined) {
    const lineEnd = /\r\n|\r|\n/g;
    lineEnd.lastIndex = after.end;
    const found = lineEnd.exec(text);
    offset = found === null ? text.length : found.index + found[0].length;
    newText = found === null ? `${eol}${block}` : `${block}${eol}`;
  } else {
    offset = text.startsWith('#!')
      ? (/\r\n|\r|\n/.exec(text)?.index ?? text.length) + eol.length
      : 0;
    if (offset > text.length) offset = text.length;
    newText = `${block}${eol}`;
  }
  const at = toPositionTuple(sourceFile, offset);
  return { edit: { start: at, end: at, oldText: '', newText, reason: 'import added' }, offset };
}
