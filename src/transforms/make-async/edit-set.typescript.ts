import type ts from 'typescript';
import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import { compareText } from '../../core/whole-word.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toPositionTuple } from '../../lang/typescript/queries/positions.js';

/**
 * Ranks of insertions that share an offset (lower goes first): what wraps whole statements
 * opens before anything inside them and closes after it.
 */
export const RANK = {
  wrapOpen: Number.MIN_SAFE_INTEGER,
  indent: Number.MIN_SAFE_INTEGER + 1,
  wrapClose: Number.MAX_SAFE_INTEGER,
} as const;

/** The rank of text opened at the start of `node`: outer nodes open first. */
export function openRank(node: ts.Node, sourceFile: ts.SourceFile): number {
  return -(node.getEnd() - node.getStart(sourceFile));
}

/** The rank of text closed at the end of `node`: inner nodes close first. */
export function closeRank(node: ts.Node, sourceFile: ts.SourceFile): number {
  return node.getEnd() - node.getStart(sourceFile);
}

interface PendingEdit {
  start: number;
  end: number;
  newText: string;
  reason: string;
  rank: number;
  sequence: number;
}

/** The edits of one conversion, collected by offset and turned into one change per file. */
export interface EditSet {
  /** Inserts `text` at `offset`; among insertions at one offset, lower `rank` goes first. */
  insert(
    sourceFile: ts.SourceFile,
    offset: number,
    text: string,
    reason: string,
    rank?: number,
  ): void;
  /** Replaces `[start, end)` with `text`. */
  replace(
    sourceFile: ts.SourceFile,
    start: number,
    end: number,
    text: string,
    reason: string,
  ): void;
  /** True when nothing was added. */
  isEmpty(): boolean;
  /** One change per file, files and edits sorted; identical edits kept once. */
  toChanges(project: WorkspaceProject): EditFileChange[];
}

/** Creates an empty {@link EditSet}. */
export function createEditSet(): EditSet {
  const byFile = new Map<string, { sourceFile: ts.SourceFile; edits: Map<string, PendingEdit> }>();
  let sequence = 0;
  const add = (sourceFile: ts.SourceFile, edit: Omit<PendingEdit, 'sequence'>): void => {
    let entry = byFile.get(sourceFile.fileName);
    if (entry === undefined) {
      entry = { sourceFile, edits: new Map() };
      byFile.set(sourceFile.fileName, entry);
    }
    const key = `${edit.start}:${edit.end}:${edit.rank}:${edit.newText}`;
    if (!entry.edits.has(key)) entry.edits.set(key, { ...edit, sequence: sequence++ });
  };
  return {
    insert(sourceFile, offset, text, reason, rank = 0) {
      add(sourceFile, { start: offset, end: offset, newText: text, reason, rank });
    },
    replace(sourceFile, start, end, text, reason) {
      add(sourceFile, { start, end, newText: text, reason, rank: 0 });
    },
    isEmpty: () => byFile.size === 0,
    toChanges(project) {
      const changes: EditFileChange[] = [];
      for (const { sourceFile, edits } of byFile.values()) {
        const ordered = [...edits.values()].sort(
          (a, b) =>
            a.start - b.start || a.end - b.end || a.rank - b.rank || a.sequence - b.sequence,
        );
        changes.push({
          op: 'edit',
          file: project.toRelative(sourceFile.fileName),
          edits: ordered.map((edit) => toRangeEdit(sourceFile, edit)),
        });
      }
      return changes.sort((a, b) => compareText(a.file, b.file));
    },
  };
}

function toRangeEdit(sourceFile: ts.SourceFile, edit: PendingEdit): RangeEdit {
  return {
    start: toPositionTuple(sourceFile, edit.start),
    end: toPositionTuple(sourceFile, edit.end),
    oldText: sourceFile.text.slice(edit.start, edit.end),
    newText: edit.newText,
    reason: edit.reason,
  };
}
