import type { ExcludedOccurrence, TextOccurrence } from '../../core/phase-outputs.js';
import type { SymbolReference, TextEdit } from '../../core/source-types.js';
import { compareText, countWholeWord } from '../../core/whole-word.js';

const key = (file: string, line: number, column: number): string => `${file}:${line}:${column}`;

/** The text hits of the old name that the rename leaves alone, and why. */
export function toExcludedOccurrences(
  occurrences: readonly TextOccurrence[],
  edits: readonly TextEdit[],
  references: readonly SymbolReference[],
): ExcludedOccurrence[] {
  const edited = new Set(edits.map((e) => key(e.file, e.line, e.column)));
  const referenced = new Set(references.map((r) => key(r.file, r.line, r.column)));
  return occurrences
    .filter((o) => !edited.has(key(o.file, o.line, o.column)))
    .map((o) => ({
      file: o.file,
      line: o.line,
      column: o.column,
      length: o.length,
      reason: referenced.has(key(o.file, o.line, o.column))
        ? 'a reference the language server does not rename (e.g. an alias keeps its name)'
        : 'not a reference to the renamed symbol (another symbol, a string or a comment)',
    }));
}

/**
 * Whole-word occurrences of `name` each tracked file must still hold after the edits: its count
 * at the base commit, less what the edits replace, plus what their new text brings back (a
 * shorthand `{ name: newName }` keeps the name). Files left with none are omitted.
 */
export function toRemainingByFile(
  name: string,
  baseCounts: Readonly<Record<string, number>>,
  edits: readonly TextEdit[],
): Record<string, number> {
  const remaining = new Map(Object.entries(baseCounts));
  for (const edit of edits) {
    const change = countWholeWord(edit.newText, name) - countWholeWord(edit.oldText, name);
    remaining.set(edit.file, (remaining.get(edit.file) ?? 0) + change);
  }
  return Object.fromEntries(
    [...remaining].filter(([, count]) => count > 0).sort(([a], [b]) => compareText(a, b)),
  );
}

/** Per edited file, the share of its edits that `references` confirms (0..1, at least 0.5). */
export function toCertaintyByFile(
  edits: readonly TextEdit[],
  references: readonly SymbolReference[],
): Record<string, number> {
  const referenced = new Set(references.map((r) => key(r.file, r.line, r.column)));
  const totals = new Map<string, { all: number; confirmed: number }>();
  for (const edit of edits) {
    const entry = totals.get(edit.file) ?? { all: 0, confirmed: 0 };
    entry.all += 1;
    if (referenced.has(key(edit.file, edit.line, edit.column))) entry.confirmed += 1;
    totals.set(edit.file, entry);
  }
  return Object.fromEntries(
    [...totals]
      .sort(([a], [b]) => compareText(a, b))
      .map(([file, { all, confirmed }]) => [
        file,
        Math.max(0.5, Math.round((confirmed / all) * 1000) / 1000),
      ]),
  );
}
