/**
 * Text changes applied in rounds, kept as replacements of the original text: a change of a
 * later round that touches an earlier replacement is merged into it, so the result is always a
 * set of non-overlapping replacements of the text as it was. Offsets count UTF-16 code units.
 */

/** A replacement of `[start, end)` of the original text. */
export interface Replacement {
  start: number;
  end: number;
  newText: string;
  /** Why it exists (several when changes of several rounds merged into it), in order. */
  reasons: string[];
}

/** A change of the current text (the original with the replacements applied). */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
  reason: string;
}

/** The original text with `replacements` (sorted, non-overlapping) applied. */
export function toCurrentText(original: string, replacements: readonly Replacement[]): string {
  let result = '';
  let at = 0;
  for (const r of replacements) {
    result += original.slice(at, r.start) + r.newText;
    at = r.end;
  }
  return result + original.slice(at);
}

interface Placed {
  replacement: Replacement;
  /** Where it sits in the current text. */
  start: number;
  end: number;
}

function place(replacements: readonly Replacement[]): Placed[] {
  let shift = 0;
  return replacements.map((replacement) => {
    const start = replacement.start + shift;
    shift += replacement.newText.length - (replacement.end - replacement.start);
    return { replacement, start, end: start + replacement.newText.length };
  });
}

/** The original offset of a current offset that no replacement covers. */
function toOriginal(placed: readonly Placed[], offset: number): number {
  let shift = 0;
  for (const p of placed) {
    if (p.end > offset) break;
    shift += p.replacement.newText.length - (p.replacement.end - p.replacement.start);
  }
  return offset - shift;
}

/**
 * `replacements` with `changes` (of the current text, non-overlapping) applied on top: a change
 * that touches replacements is merged with them into one.
 */
export function composeChanges(
  original: string,
  replacements: readonly Replacement[],
  changes: readonly TextChange[],
): Replacement[] {
  let result = [...replacements];
  // Right to left: a change never moves the offsets of the changes left of it.
  for (const change of [...changes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const current = toCurrentText(original, result);
    const placed = place(result);
    const touched = placed.filter((p) => p.start <= change.end && change.start <= p.end);
    const first = touched[0];
    const last = touched.at(-1);
    let merged: Replacement;
    if (first === undefined || last === undefined) {
      merged = {
        start: toOriginal(placed, change.start),
        end: toOriginal(placed, change.end),
        newText: change.newText,
        reasons: [change.reason],
      };
    } else {
      const from = Math.min(change.start, first.start);
      const to = Math.max(change.end, last.end);
      merged = {
        start:
          change.start < first.start ? toOriginal(placed, change.start) : first.replacement.start,
        end: change.end > last.end ? toOriginal(placed, change.end) : last.replacement.end,
        newText: current.slice(from, change.start) + change.newText + current.slice(change.end, to),
        reasons: [...new Set([...touched.flatMap((p) => p.replacement.reasons), change.reason])],
      };
    }
    const kept = result.filter((r) => !touched.some((p) => p.replacement === r));
    result = [...kept, merged].sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return result;
}

/**
 * Where `offset` of a text lies once `changes` (non-overlapping) are applied; undefined when a
 * change replaced it. An insertion at `offset` lands before it.
 */
export function mapOffset(changes: readonly TextChange[], offset: number): number | undefined {
  let shift = 0;
  for (const change of changes) {
    if (change.start <= offset && offset < change.end) return undefined;
    if (change.end <= offset) shift += change.newText.length - (change.end - change.start);
  }
  return offset + shift;
}
