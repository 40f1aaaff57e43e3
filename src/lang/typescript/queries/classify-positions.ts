import type { PositionClass } from '../../../core/services.js';
import type { SourcePosition, SymbolDefinition } from '../../../core/source-types.js';
import { throwIfAborted } from '../engine/workspace-files.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import { isRequireCall } from './commonjs.js';
import { KIND_BY_ELEMENT } from './element-kinds.js';
import { findTokenAt, toLineColumn, toProgramLocation } from './positions.js';

const STRING_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/**
 * For each position of a JS/TS workspace file: in a comment, in a string (literals,
 * templates, JSX text, regular expressions), or in code — and then the declaration the name
 * there resolves to (`getDefinitionAtPosition`), in the workspace or outside it.
 */
export function classifyPositions(
  project: WorkspaceProject,
  positions: readonly SourcePosition[],
  signal?: AbortSignal,
): PositionClass[] {
  const comments = new Map<string, Array<[number, number]>>();
  return positions.map((at) => {
    throwIfAborted(signal);
    const { sourceFile, offset } = toProgramLocation(project, at);
    const base = { file: at.file, line: at.line, column: at.column };
    let ranges = comments.get(sourceFile.fileName);
    if (ranges === undefined) {
      ranges = commentRanges(sourceFile);
      comments.set(sourceFile.fileName, ranges);
    }
    if (ranges.some(([start, end]) => start <= offset && offset < end)) {
      return { ...base, kind: 'comment' };
    }
    const token = findTokenAt(sourceFile, offset);
    if (token !== undefined && STRING_KINDS.has(token.kind)) return { ...base, kind: 'string' };
    const member = token === undefined ? undefined : memberOf(project, token);
    return {
      ...base,
      kind: 'code',
      ...resolveAt(project, sourceFile.fileName, offset),
      ...(member ? { member } : {}),
    };
  });
}

function resolveAt(
  project: WorkspaceProject,
  fileName: string,
  offset: number,
): Pick<PositionClass, 'declaration' | 'externalDeclaration'> {
  const definitions = project.service.getDefinitionAtPosition(fileName, offset) ?? [];
  for (const definition of definitions) {
    if (!project.isWorkspaceFile(definition.fileName)) continue;
    const file = project.program().getSourceFile(definition.fileName);
    if (file === undefined) continue;
    const declaration: SymbolDefinition = {
      file: project.toRelative(definition.fileName),
      ...toLineColumn(file, definition.textSpan.start),
      name: definition.name,
      kind: KIND_BY_ELEMENT.get(definition.kind) ?? 'other',
      language: 'typescript',
      ...(definition.containerName ? { container: definition.containerName } : {}),
    };
    return { declaration };
  }
  const outside = definitions[0];
  if (outside === undefined) return {};
  const parts = outside.fileName.split('/');
  const modules = parts.lastIndexOf('node_modules');
  return {
    externalDeclaration:
      modules === -1 ? (parts.at(-1) ?? outside.fileName) : parts.slice(modules + 1).join('/'),
  };
}

/** Every comment's [start, end) offsets in a file, from the parser's own trivia positions. */
function commentRanges(sourceFile: ts.SourceFile): Array<[number, number]> {
  const text = sourceFile.text;
  const seen = new Set<number>();
  const ranges: Array<[number, number]> = [];
  const collect = (list: ts.CommentRange[] | undefined): void => {
    for (const range of list ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      ranges.push([range.pos, range.end]);
    }
  };
  // getChildren includes the punctuation tokens, so a comment before a `}` is found too.
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(sourceFile)) visit(child);
  };
  collect(ts.getLeadingCommentRanges(text, 0));
  visit(sourceFile);
  return ranges;
}

/** For `x.name` (or `X.Name` in a type), what the name is a member of. */
function memberOf(project: WorkspaceProject, node: ts.Node): PositionClass['member'] {
  const parent = node.parent;
  let object: ts.Node | undefined;
  if (parent !== undefined && ts.isPropertyAccessExpression(parent) && parent.name === node) {
    object = parent.expression;
  } else if (parent !== undefined && ts.isQualifiedName(parent) && parent.right === node) {
    object = parent.left;
  }
  if (object === undefined) return undefined;
  const text = object.getText().replace(/\s+/g, ' ');
  return {
    object: text.length > 80 ? `${text.slice(0, 79)}…` : text,
    objectIsModule: isModule(project, object),
  };
}

/** True for a namespace import, an imported module object, or `require(...)`. */
function isModule(project: WorkspaceProject, object: ts.Node): boolean {
  if (isRequireCall(object)) return true;
  const checker = project.program().getTypeChecker();
  let symbol = checker.getSymbolAtLocation(object);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias)
    symbol = checker.getAliasedSymbol(symbol);
  if (symbol === undefined) {
    // `const m = require('./m')`: the variable's initializer says it.
    return false;
  }
  if (symbol.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return true;
  return (symbol.declarations ?? []).some(
    (d) =>
      ts.isSourceFile(d) ||
      (ts.isVariableDeclaration(d) && d.initializer !== undefined && isRequireCall(d.initializer)),
  );
}
