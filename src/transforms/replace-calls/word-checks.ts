import type { FileChange, Position, RangeEdit } from '../../core/change/change-types.js';
import { endOfInsertedText, mapPositionThroughEdits } from '../../core/change/map-positions.js';
import { compareText, toWholeWordPattern } from '../../core/whole-word.js';
import type { WordPositionsCheck } from '../rename/word-positions.js';
import type { AnalysisContext } from '../transform.js';

/**
 * REVIEW's checks that the edits took out exactly the occurrences of `words` they replaced:
 * for each word, every whole-word occurrence at the base commit that no edit covers, moved to
 * where it sits after the edits, plus the occurrences the new text brings. Any other
 * occurrence in the changed tree is a stale one (rename's `word-positions` check).
 */
export async function toWordChecks(
  words: readonly string[],
  changes: readonly FileChange[],
  context: Pick<AnalysisContext, 'git' | 'baseCommit' | 'signal'>,
): Promise<WordPositionsCheck[]> {
  const editsByFile = new Map<string, RangeEdit[]>();
  for (const change of changes) {
    if (change.op === 'edit') editsByFile.set(change.file, change.edits);
  }
  const checks: WordPositionsCheck[] = [];
  for (const word of [...new Set(words)].sort(compareText)) {
    const found = await context.git.findWholeWord(
      word,
      { revision: context.baseCommit },
      { signal: context.signal },
    );
    const expected: Array<[string, number, number]> = [];
    for (const occurrence of found) {
      const edits = editsByFile.get(occurrence.file) ?? [];
      const start: Position = [occurrence.line, occurrence.column];
      const end: Position = [occurrence.line, occurrence.column + word.length];
      if (edits.some((edit) => isWithin(edit, start, end))) continue;
      const mapped = mapPositionThroughEdits(edits, start);
      if (mapped !== undefined) expected.push([occurrence.file, mapped[0], mapped[1]]);
    }
    for (const [file, edits] of editsByFile) {
      for (const edit of edits) {
        for (const match of edit.newText.matchAll(toWholeWordPattern(word))) {
          const before = edits.filter((other) => other !== edit && !isAfter(other.end, edit.start));
          const at = mapPositionThroughEdits(before, edit.start);
          if (at === undefined) continue;
          const position = endOfInsertedText(at, edit.newText.slice(0, match.index));
          expected.push([file, position[0], position[1]]);
        }
      }
    }
    expected.sort((a, b) => compareText(a[0], b[0]) || a[1] - b[1] || a[2] - b[2]);
    checks.push({ check: 'word-positions', word, expected });
  }
  return checks;
}

function isWithin(edit: Pick<RangeEdit, 'start' | 'end'>, start: Position, end: Position): boolean {
  return !isAfter(edit.start, start) && !isAfter(end, edit.end);
}

/** True when `a` comes after `b`. */
function isAfter(a: Position, b: Position): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}
