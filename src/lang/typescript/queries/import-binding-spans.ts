import ts from '../typescript.js';
import { lineStarts, toPositionTuple } from './positions.js';

/** One name an import declaration binds. */
export interface ImportBindingName {
  /** The local name (`load` in `import { getUser as load }`). */
  name: string;
  kind: 'default' | 'namespace' | 'named';
  /** The identifier that declares the local name. */
  node: ts.Identifier;
}

/** A span of text to delete, as offsets. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** The names an import declaration binds, in source order (none for `import './x'`). */
export function toImportBindings(declaration: ts.ImportDeclaration): ImportBindingName[] {
  const clause = declaration.importClause;
  if (clause === undefined) return [];
  const names: ImportBindingName[] = [];
  if (clause.name !== undefined)
    names.push({ name: clause.name.text, kind: 'default', node: clause.name });
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
    names.push({ name: bindings.name.text, kind: 'namespace', node: bindings.name });
  } else if (bindings !== undefined) {
    for (const element of bindings.elements) {
      names.push({ name: element.name.text, kind: 'named', node: element.name });
    }
  }
  return names;
}

/** Every import declaration of a file, ambient module blocks included, in source order. */
export function collectImportDeclarations(sourceFile: ts.SourceFile): ts.ImportDeclaration[] {
  const found: ts.ImportDeclaration[] = [];
  const visit = (statements: readonly ts.Statement[]): void => {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement)) found.push(statement);
      else if (
        ts.isModuleDeclaration(statement) &&
        statement.body !== undefined &&
        ts.isModuleBlock(statement.body)
      ) {
        visit(statement.body.statements);
      }
    }
  };
  visit(sourceFile.statements);
  return found;
}

/**
 * The spans that delete the bindings named in `removed` from `declaration`, keeping the rest
 * as written (comments, line breaks, trailing commas): the whole declaration — its whole lines
 * when nothing else is on them — when every binding goes, else the names with their commas.
 */
export function toBindingRemovalSpans(
  sourceFile: ts.SourceFile,
  declaration: ts.ImportDeclaration,
  removed: ReadonlySet<string>,
): OffsetSpan[] {
  const bindings = toImportBindings(declaration);
  const gone = bindings.filter((binding) => removed.has(binding.name));
  if (gone.length === 0) return [];
  if (gone.length === bindings.length) return [wholeStatementSpan(sourceFile, declaration)];
  const clause = declaration.importClause as ts.ImportClause;
  const named = clause.namedBindings;
  const spans: OffsetSpan[] = [];
  const defaultGone = clause.name !== undefined && removed.has(clause.name.text);
  if (named !== undefined && ts.isNamedImports(named)) {
    const elements = named.elements;
    const namedGone = elements.filter((element) => removed.has(element.name.text));
    if (namedGone.length === elements.length) {
      // `import a, { b }` keeps `a`.
      spans.push({ start: (clause.name as ts.Identifier).end, end: named.end });
    } else {
      spans.push(...elementSpans(sourceFile, elements, removed));
    }
  } else if (named !== undefined && removed.has(named.name.text)) {
    spans.push({ start: (clause.name as ts.Identifier).end, end: named.end });
  }
  if (defaultGone && named !== undefined) {
    spans.push({
      start: (clause.name as ts.Identifier).getStart(sourceFile),
      end: named.getStart(sourceFile),
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Runs of removed elements: up to the next kept one, or from the previous kept one's end. */
function elementSpans(
  sourceFile: ts.SourceFile,
  elements: ts.NodeArray<ts.ImportSpecifier>,
  removed: ReadonlySet<string>,
): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let index = 0;
  while (index < elements.length) {
    if (!removed.has((elements[index] as ts.ImportSpecifier).name.text)) {
      index += 1;
      continue;
    }
    let last = index;
    while (
      last + 1 < elements.length &&
      removed.has((elements[last + 1] as ts.ImportSpecifier).name.text)
    ) {
      last += 1;
    }
    const next = elements[last + 1];
    const lines = ownLines(sourceFile, elements, index, last);
    spans.push(
      lines !== undefined
        ? lines
        : next !== undefined
          ? {
              start: (elements[index] as ts.ImportSpecifier).getStart(sourceFile),
              end: next.getStart(sourceFile),
            }
          : {
              start: (elements[index - 1] as ts.ImportSpecifier).end,
              end: (elements[last] as ts.ImportSpecifier).end,
            },
    );
    index = last + 1;
  }
  return spans;
}

/** The whole lines of elements `first..last` when they are alone on them (one name per line). */
function ownLines(
  sourceFile: ts.SourceFile,
  elements: ts.NodeArray<ts.ImportSpecifier>,
  first: number,
  last: number,
): OffsetSpan | undefined {
  const text = sourceFile.text;
  const starts = lineStarts(sourceFile);
  const start = (elements[first] as ts.ImportSpecifier).getStart(sourceFile);
  const end = (elements[last] as ts.ImportSpecifier).end;
  const firstLine = toPositionTuple(sourceFile, start)[0];
  const lastLine = toPositionTuple(sourceFile, end)[0];
  const lineStart = starts[firstLine - 1] as number;
  const nextLineStart = starts[lastLine] ?? text.length;
  const after = text.slice(end, nextLineStart).replace(/\r\n$|\r$|\n$/, '');
  if (text.slice(lineStart, start).trim() !== '' || !/^[ \t]*,?[ \t]*(\/\/.*)?$/.test(after)) {
    return undefined;
  }
  const previous = elements[first - 1];
  const brokenBefore =
    previous !== undefined && toPositionTuple(sourceFile, previous.end)[0] < firstLine;
  return last + 1 < elements.length || brokenBefore
    ? { start: lineStart, end: nextLineStart }
    : undefined;
}

/**
 * A statement's whole lines (line breaks included) when only blanks and a line comment share
 * them; else the statement and the blanks after it on its line.
 */
export function wholeStatementSpan(sourceFile: ts.SourceFile, statement: ts.Node): OffsetSpan {
  const text = sourceFile.text;
  const starts = lineStarts(sourceFile);
  const start = statement.getStart(sourceFile);
  const end = statement.end;
  const firstLine = toPositionTuple(sourceFile, start)[0];
  const lastLine = toPositionTuple(sourceFile, end)[0];
  const lineStart = starts[firstLine - 1] as number;
  const nextLineStart = starts[lastLine] ?? text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, nextLineStart).replace(/\r\n$|\r$|\n$/, '');
  if (before.trim() === '' && /^[ \t]*(\/\/.*)?$/.test(after)) {
    return { start: lineStart, end: nextLineStart };
  }
  const blanks = /^[ \t]*/.exec(after)?.[0].length ?? 0;
  return { start, end: end + blanks };
}
