import type ts from 'typescript';
import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import { toLineStarts, toPosition } from '../../core/change/text-positions.js';
import type { SourcePosition } from '../../core/source-types.js';
import { type Replacement, toCurrentText } from './compose-edits.js';

/** One file of a conversion: its text as the program read it, and the replacements so far. */
export interface FileState {
  file: string;
  original: string;
  replacements: Replacement[];
  /** How TypeScript prints the fixes in this file (its indentation, line breaks). */
  format: ts.FormatCodeSettings;
}

/**
 * The replacements as our edit changes, one per changed file (sorted): each edit holds the exact
 * text it replaces, at 1-based positions by the one line rule every layer uses.
 */
export function toEditChanges(states: readonly FileState[]): EditFileChange[] {
  return states
    .filter((state) => state.replacements.length > 0)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((state) => {
      const starts = toLineStarts(state.original);
      const edits: RangeEdit[] = state.replacements.map((r) => ({
        start: toPosition(starts, r.start),
        end: toPosition(starts, r.end),
        oldText: state.original.slice(r.start, r.end),
        newText: r.newText,
        reason: r.reasons.join('; '),
      }));
      return { op: 'edit', file: state.file, edits };
    });
}

/** The 1-based position of an offset of the file's final text (every replacement applied). */
export function toFinalPosition(state: FileState, offset: number): SourcePosition {
  const [line, column] = toPosition(
    toLineStarts(toCurrentText(state.original, state.replacements)),
    offset,
  );
  return { file: state.file, line, column };
}
