import type ts from 'typescript';
import type { Position } from '../../../core/change/change-types.js';
import { toLineStarts, toOffset, toPosition } from '../../../core/change/text-positions.js';
import { OrchestratorError } from '../../../core/errors.js';
import type { SourcePosition } from '../../../core/source-types.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';

/** A resolved position: the source file and the 0-based offset in it. */
export interface ProgramLocation {
  sourceFile: ts.SourceFile;
  offset: number;
}

const lineStartsOf = new WeakMap<ts.SourceFile, number[]>();

/**
 * Line starts of a source file by the rule every layer uses (lines end at \n, \r\n or \r;
 * TypeScript's own map also breaks at U+2028/U+2029, which the other layers do not).
 */
export function lineStarts(sourceFile: ts.SourceFile): number[] {
  let starts = lineStartsOf.get(sourceFile);
  if (starts === undefined) {
    starts = toLineStarts(sourceFile.text);
    lineStartsOf.set(sourceFile, starts);
  }
  return starts;
}

/** Turns a 1-based `{file, line, column}` into an offset; throws `BAD_INPUT` when out of range. */
export function toProgramLocation(project: WorkspaceProject, at: SourcePosition): ProgramLocation {
  const sourceFile = project.sourceFile(at.file);
  const starts = lineStarts(sourceFile);
  if (!Number.isInteger(at.line) || at.line < 1 || at.line > starts.length) {
    throw badPosition(at, `line ${at.line} is outside 1..${starts.length}`);
  }
  const offset = toOffset(sourceFile.text, starts, [at.line, at.column]);
  if (offset === undefined)
    throw badPosition(at, `column ${at.column} is past the end of the line`);
  return { sourceFile, offset };
}

/** The 1-based `[line, column]` of an offset. */
export function toPositionTuple(sourceFile: ts.SourceFile, offset: number): Position {
  return toPosition(lineStarts(sourceFile), offset);
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
  const [line, column] = toPositionTuple(sourceFile, offset);
  return { line, column };
}

/** The text of the line that holds `offset`, without its line break. */
export function lineTextAt(sourceFile: ts.SourceFile, offset: number): string {
  const starts = lineStarts(sourceFile);
  const [line] = toPositionTuple(sourceFile, offset);
  const start = starts[line - 1] as number;
  const next = starts[line];
  return sourceFile.text
    .slice(start, next === undefined ? undefined : next)
    .replace(/\r?\n$|\r$/, '');
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
