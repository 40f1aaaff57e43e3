import { z } from 'zod';
import type { FileChange, Position, RangeEdit } from '../../core/change/change-types.js';
import { endOfInsertedText, mapPositionThroughEdits } from '../../core/change/map-positions.js';
import type { LeftAlone } from '../../core/change/verify-types.js';
import { compareText, toWholeWordPattern } from '../../core/whole-word.js';
import type { VerifyContext } from '../transform.js';

/** REVIEW's check that every occurrence of the old name left in the tree was meant to stay. */
export const wordPositionsCheckSchema = z.strictObject({
  check: z.literal('word-positions'),
  word: z.string().min(1),
  /** Where the word may still occur after the change: `[file, line, column]`. */
  expected: z.array(
    z.tuple([z.string().min(1), z.number().int().positive(), z.number().int().positive()]),
  ),
});

export type WordPositionsCheck = z.infer<typeof wordPositionsCheckSchema>;

/**
 * The check for a change: the occurrences left alone, moved to where they sit after the edits,
 * plus any occurrence the new text itself brings (`{ getUser: fetchUser }` keeps the key).
 */
export function toWordPositionsCheck(
  word: string,
  changes: readonly FileChange[],
  leftAlone: readonly LeftAlone[],
): WordPositionsCheck {
  const editsByFile = new Map<string, RangeEdit[]>();
  for (const change of changes) {
    if (change.op === 'edit') editsByFile.set(change.file, change.edits);
  }
  const expected: Array<[string, number, number]> = [];
  for (const occurrence of leftAlone) {
    const mapped = mapPositionThroughEdits(editsByFile.get(occurrence.file) ?? [], [
      occurrence.line,
      occurrence.column,
    ]);
    if (mapped !== undefined) expected.push([occurrence.file, mapped[0], mapped[1]]);
  }
  for (const [file, edits] of editsByFile) {
    for (const edit of edits) {
      for (const match of edit.newText.matchAll(toWholeWordPattern(word))) {
        const start = mappedStart(edits, edit);
        if (start === undefined) continue;
        const at = endOfInsertedText(start, edit.newText.slice(0, match.index));
        expected.push([file, at[0], at[1]]);
      }
    }
  }
  expected.sort((a, b) => compareText(a[0], b[0]) || a[1] - b[1] || a[2] - b[2]);
  return { check: 'word-positions', word, expected };
}

/** Where `edit` starts once the edits before it are applied. */
function mappedStart(edits: readonly RangeEdit[], edit: RangeEdit): Position | undefined {
  const before = edits.filter((other) => other !== edit && isBeforeOrAt(other.end, edit.start));
  return mapPositionThroughEdits(before, edit.start);
}

function isBeforeOrAt(a: Position, b: Position): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

/** The occurrences of the check's word in the changed tree that no one expected. */
export async function verifyWordPositions(
  check: WordPositionsCheck,
  context: VerifyContext,
): Promise<string[]> {
  const expected = new Set(
    check.expected.map(([file, line, column]) => `${file}:${line}:${column}`),
  );
  const found = await context.git.findWholeWord(
    check.word,
    { cwd: context.worktreePath },
    { signal: context.signal },
  );
  const stale = found.filter((o) => !expected.has(`${o.file}:${o.line}:${o.column}`));
  if (stale.length === 0) return [];
  const shown = stale.slice(0, 10).map((o) => `${o.file}:${o.line}: ${o.lineText.trim()}`);
  const more = stale.length > 10 ? `\n  … and ${stale.length - 10} more` : '';
  return [`${stale.length} stale reference(s) to "${check.word}":\n  ${shown.join('\n  ')}${more}`];
}
