import path from 'node:path';
import { isCommonJsExportsObject } from '../../lang/typescript/queries/commonjs.js';
import { lineStarts } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { TopLevelSite } from './closure-types.typescript.js';
import { type EditSet, RANK } from './edit-set.typescript.js';
import { findTestCallee } from './test-frameworks.typescript.js';
import { IIFE_CLOSE, IIFE_OPEN } from './top-level-handling.typescript.js';

/** The top-level statements one async IIFE wraps. */
export interface IifeWrap {
  sourceFile: ts.SourceFile;
  first: number;
  last: number;
}

/**
 * Per file, the statements from the first to the last top-level call that needs an IIFE,
 * grown to take in the later statements that use what they declare. Refused (the sites'
 * boundaries turned to `refused`) when that range holds imports or exports, declares
 * something used before it (or inside a function declared before it), registers tests, or the
 * file has exports (it is a library, not a script).
 */
export function planIifeWraps(
  checkerFor: (sourceFile: ts.SourceFile) => ts.TypeChecker,
  sites: readonly TopLevelSite[],
): IifeWrap[] {
  const byFile = new Map<ts.SourceFile, TopLevelSite[]>();
  for (const site of sites) {
    if (site.boundary.how !== 'async IIFE') continue;
    const sourceFile = site.expression.getSourceFile();
    byFile.set(sourceFile, [...(byFile.get(sourceFile) ?? []), site]);
  }
  const wraps: IifeWrap[] = [];
  for (const [sourceFile, fileSites] of byFile) {
    const indexes = fileSites.map((site) => statementIndex(sourceFile, site.expression));
    const checker = checkerFor(sourceFile);
    const wrap = growRange(checker, sourceFile, Math.min(...indexes), Math.max(...indexes));
    const problem = typeof wrap === 'string' ? wrap : refuseWrap(checker, wrap);
    if (problem !== undefined) {
      for (const site of fileSites) {
        site.boundary.handling = 'refused';
        site.boundary.detail = `${site.boundary.detail}; an async IIFE cannot wrap it: ${problem}`;
      }
    } else {
      wraps.push(wrap as IifeWrap);
    }
  }
  return wraps;
}

function statementIndex(sourceFile: ts.SourceFile, node: ts.Node): number {
  let current = node;
  while (current.parent !== sourceFile) current = current.parent;
  return sourceFile.statements.indexOf(current as ts.Statement);
}

function growRange(
  checker: ts.TypeChecker,
  sourceFile: ts.SourceFile,
  first: number,
  start: number,
): IifeWrap | string {
  const statements = sourceFile.statements;
  let last = start;
  for (;;) {
    const declared = new Set<ts.Symbol>();
    for (let i = first; i <= last; i++) {
      const statement = statements[i] as ts.Statement;
      const problem = refuseStatement(statement);
      if (problem !== undefined) return problem;
      for (const symbol of declaredSymbols(checker, statement)) declared.add(symbol);
    }
    let grown = last;
    for (let i = 0; i < statements.length; i++) {
      if (i >= first && i <= last) continue;
      const used = findUse(checker, statements[i] as ts.Statement, declared);
      if (used === undefined) continue;
      if (i < first) return `${used} is declared in the wrapped code but used before it`;
      grown = Math.max(grown, i);
    }
    if (grown === last) return { sourceFile, first, last };
    last = grown;
  }
}

function refuseStatement(statement: ts.Statement): string | undefined {
  if (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement)
  ) {
    return 'the code to wrap holds an import or export';
  }
  if (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  ) {
    return 'the code to wrap holds an export';
  }
  return setsCommonJsExports(statement)
    ? 'the code to wrap sets module.exports, which would then be set too late'
    : undefined;
}

/** True when `statement` assigns `module.exports` or `exports.x` outside any function. */
function setsCommonJsExports(statement: ts.Statement): boolean {
  let exports = false;
  const visit = (node: ts.Node): void => {
    if (exports || ts.isFunctionLike(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      exports ||=
        isCommonJsExportsObject(left) ||
        (ts.isPropertyAccessExpression(left) && isCommonJsExportsObject(left.expression));
    }
    node.forEachChild(visit);
  };
  visit(statement);
  return exports;
}

/**
 * Why a range that is safe in itself still cannot be wrapped: it registers tests (which must be
 * registered synchronously), or the file has exports, so other modules load it and would see
 * its top-level code run after they have loaded it.
 */
function refuseWrap(checker: ts.TypeChecker, wrap: IifeWrap): string | undefined {
  const { sourceFile } = wrap;
  for (const statement of sourceFile.statements.slice(wrap.first, wrap.last + 1)) {
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    const callee =
      expression !== undefined && ts.isCallExpression(expression)
        ? findTestCallee(checker, expression)
        : undefined;
    if (callee !== undefined) {
      return `the code to wrap registers tests (${callee.label}(…)), which must be registered synchronously`;
    }
  }
  const exported = sourceFile.statements.some(
    (statement) =>
      setsCommonJsExports(statement) ||
      ts.isExportAssignment(statement) ||
      ts.isExportDeclaration(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)),
  );
  return exported
    ? `${path.posix.basename(sourceFile.fileName)} has exports, so other modules load it, and its top-level code would run after they had loaded it`
    : undefined;
}

function declaredSymbols(checker: ts.TypeChecker, statement: ts.Statement): ts.Symbol[] {
  const names: ts.Node[] = [];
  if (ts.isVariableStatement(statement)) {
    const collect = (name: ts.BindingName): void => {
      if (ts.isIdentifier(name)) names.push(name);
      else
        for (const element of name.elements)
          if (!ts.isOmittedExpression(element)) collect(element.name);
    };
    for (const declaration of statement.declarationList.declarations) collect(declaration.name);
  } else if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name !== undefined
  ) {
    names.push(statement.name);
  }
  return names.flatMap((name) => checker.getSymbolAtLocation(name) ?? []);
}

function findUse(
  checker: ts.TypeChecker,
  statement: ts.Statement,
  declared: ReadonlySet<ts.Symbol>,
): string | undefined {
  if (declared.size === 0) return undefined;
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isIdentifier(node)) {
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (symbol !== undefined && declared.has(symbol)) found = node.text;
    }
    node.forEachChild(visit);
  };
  visit(statement);
  return found;
}

/** Wraps the planned statements: the IIFE around them, each of their lines indented. */
export function addIifeEdits(edits: EditSet, wrap: IifeWrap): void {
  const { sourceFile } = wrap;
  const first = sourceFile.statements[wrap.first] as ts.Statement;
  const last = sourceFile.statements[wrap.last] as ts.Statement;
  const start = first.getStart(sourceFile);
  const end = last.getEnd();
  const previous = sourceFile.statements[wrap.first - 1];
  const guard = previous !== undefined && !/[;}]$/.test(previous.getText(sourceFile)) ? ';' : '';
  edits.insert(
    sourceFile,
    start,
    `${guard}${IIFE_OPEN}  `,
    'async IIFE for top-level calls',
    RANK.wrapOpen,
  );
  const literals = templateRanges(sourceFile, start, end);
  const text = sourceFile.text;
  const starts = lineStarts(sourceFile);
  for (const [index, lineStart] of starts.entries()) {
    if (lineStart <= start || lineStart >= end) continue;
    if (/^[ \t]*[\r\n]*$/.test(text.slice(lineStart, starts[index + 1] ?? text.length))) continue;
    if (literals.some(([from, to]) => lineStart > from && lineStart < to)) continue;
    edits.insert(sourceFile, lineStart, '  ', 'async IIFE for top-level calls', RANK.indent);
  }
  edits.insert(sourceFile, end, IIFE_CLOSE, 'async IIFE for top-level calls', RANK.wrapClose);
}

/** Template literals between `start` and `end`, whose lines must not be re-indented. */
function templateRanges(sourceFile: ts.SourceFile, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (node.getEnd() < start || node.getStart(sourceFile) > end) return;
    if (
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      ts.isStringLiteral(node)
    ) {
      ranges.push([node.getStart(sourceFile), node.getEnd()]);
      return;
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return ranges;
}
