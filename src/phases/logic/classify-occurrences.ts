import type { ExcludedOccurrence, TextOccurrence } from '../../core/phase-outputs.js';
import type { SymbolReference, TextEdit } from '../../core/source-types.js';

const key = (file: string, line: number, column: number): string => `${file}:${line}:${column}`;

/** Counts whole-word occurrences of `name` in `text`. */
export function countWholeWord(text: string, name: string): number {
  const escaped = name.replace(/[$]/g, '\\$');
  const pattern = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g');
  return text.match(pattern)?.length ?? 0;
}

/**
 * Splits the text hits of the old name into those the rename edits and those it leaves alone
 * (with the reason), and counts, per file, the occurrences that must remain after the edits.
 */
export function classifyOccurrences(
  name: string,
  occurrences: readonly TextOccurrence[],
  edits: readonly TextEdit[],
  references: readonly SymbolReference[],
): { excluded: ExcludedOccurrence[]; remainingByFile: Record<string, number> } {
  const edited = new Set(edits.map((e) => key(e.file, e.line, e.column)));
  const referenced = new Set(references.map((r) => key(r.file, r.line, r.column)));
  const excluded: ExcludedOccurrence[] = [];
  const remaining = new Map<string, number>();
  for (const occurrence of occurrences) {
    const at = key(occurrence.file, occurrence.line, occurrence.column);
    if (edited.has(at)) continue;
    excluded.push({
      file: occurrence.file,
      line: occurrence.line,
      column: occurrence.column,
      length: occurrence.length,
      reason: referenced.has(at)
        ? 'a reference the language server does not rename (e.g. an alias keeps its name)'
        : 'not a reference to the renamed symbol (another symbol, a string or a comment)',
    });
    remaining.set(occurrence.file, (remaining.get(occurrence.file) ?? 0) + 1);
  }
  for (const edit of edits) {
    const kept = countWholeWord(edit.newText, name);
    if (kept > 0) remaining.set(edit.file, (remaining.get(edit.file) ?? 0) + kept);
  }
  const remainingByFile = Object.fromEntries([...remaining].sort(([a], [b]) => a.localeCompare(b)));
  return { excluded, remainingByFile };
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
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, { all, confirmed }]) => [
        file,
        Math.max(0.5, Math.round((confirmed / all) * 1000) / 1000),
      ]),
  );
}
