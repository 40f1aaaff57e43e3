import type ts from 'typescript';
import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { WorkspaceProject } from './workspace-project.js';

/** A resolved position: the source file and the 0-based offset in it. */
export interface ProgramLocation {
  sourceFile: ts.SourceFile;
  offset: number;
}

/** Turns a 1-based `{file, line, column}` into an offset; throws `BAD_INPUT` when out of range. */
export function toProgramLocation(project: WorkspaceProject, at: SourcePosition): ProgramLocation {
  const sourceFile = project.sourceFile(at.file);
  const lineCount = sourceFile.getLineStarts().length;
  if (!Number.isInteger(at.line) || at.line < 1 || at.line > lineCount) {
    throw badPosition(at, `line ${at.line} is outside 1..${lineCount}`);
  }
  const lineStart = sourceFile.getLineStarts()[at.line - 1] as number;
  const lineEnd = sourceFile.getLineEndOfPosition(lineStart);
  if (!Number.isInteger(at.column) || at.column < 1 || at.column > lineEnd - lineStart + 1) {
    throw badPosition(at, `column ${at.column} is outside 1..${lineEnd - lineStart + 1}`);
  }
  return { sourceFile, offset: lineStart + at.column - 1 };
}

function badPosition(at: SourcePosition, detail: string): OrchestratorError {
  return new OrchestratorError(
    'BAD_INPUT',
    `Position ${at.file}:${at.line}:${at.column} is not in the file: ${detail}. Pass a 1-based line and column.`,
    { data: { ...at } },
  );
}

/** 1-based line and column of an offset. */
export function toLineColumn(
  sourceFile: ts.SourceFile,
  offset: number,
): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}

/** The text of the line that holds `offset`, without its line break. */
export function lineTextAt(sourceFile: ts.SourceFile, offset: number): string {
  const { line } = sourceFile.getLineAndCharacterOfPosition(offset);
  const start = sourceFile.getLineStarts()[line] as number;
  return sourceFile.text.slice(start, sourceFile.getLineEndOfPosition(start));
}

/** The innermost node whose own token span holds `offset` (identifiers, keywords, literals). */
export function findTokenAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sourceFile) || offset >= node.getEnd()) return;
    found = node;
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

/** The identifier (or private name / string literal) that starts exactly at `start`. */
export function findNameNodeAt(sourceFile: ts.SourceFile, start: number): ts.Node | undefined {
  const node = findTokenAt(sourceFile, start);
  if (node === undefined || node.getStart(sourceFile) !== start) return undefined;
  return node;
}

/** Ordinal comparison of `{file, line, column}` for deterministic output. */
export function comparePositions(a: SourcePosition, b: SourcePosition): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
