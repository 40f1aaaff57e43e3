import type { RangeEdit } from '../../core/change/change-types.js';
import { toBindingRemovalSpans } from '../../lang/typescript/queries/import-binding-spans.js';
import { toPositionTuple } from '../../lang/typescript/queries/positions.js';
import { toDeletions } from '../../lang/typescript/queries/unused-import-edits.js';
import ts from '../../lang/typescript/typescript.js';
import { importText, toInsertion } from './import-text.typescript.js';
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
