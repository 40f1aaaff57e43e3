import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileChange, Position } from 'mcp-orchestrator';

/** A range edit as the dependency_graph server returns it (its reason aside). */
export interface Edit {
  start: Position;
  end: Position;
  oldText: string;
  newText: string;
}

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The offset of a 1-based position. */
export const toOffset = (starts: readonly number[], [line, column]: Position) =>
  (starts[line - 1] ?? Number.NaN) + column - 1;

/** `text` with `edits` applied (each checked against the text it expects). */
export function applyEdits(file: string, text: string, edits: readonly Edit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ from: toOffset(starts, e.start), to: toOffset(starts, e.end), edit: e }))
    .sort((a, b) => b.from - a.from);
  let out = text;
  for (const { from, to, edit } of spans) {
    if (text.slice(from, to) !== edit.oldText)
      throw new Error(`${file}: an edit expects ${JSON.stringify(edit.oldText)} at ${edit.start}`);
    out = out.slice(0, from) + edit.newText + out.slice(to);
  }
  return out;
}

/** Where a name at `at` of the original text sits once `edits` are applied (no edit covers it). */
export function mapThroughEdits(
  text: string,
  edited: string,
  edits: readonly Edit[],
  at: Position,
): Position {
  const starts = lineStarts(text);
  const offset = toOffset(starts, at);
  let shift = 0;
  for (const e of edits)
    if (toOffset(starts, e.end) <= offset)
      shift += e.newText.length - (toOffset(starts, e.end) - toOffset(starts, e.start));
  const newStarts = lineStarts(edited);
  const mapped = offset + shift;
  const line = newStarts.findLastIndex((start) => start <= mapped) + 1;
  return [line, mapped - (newStarts[line - 1] as number) + 1];
}

/** The changed files' texts once `changes` (edits and new files) are applied to `dir`. */
export function toChangedTexts(dir: string, changes: readonly FileChange[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const change of changes) {
    if (change.op === 'create') texts.set(change.file, change.text);
    else if (change.op === 'edit') {
      const text = readFileSync(path.join(dir, change.file), 'utf8');
      texts.set(change.file, applyEdits(change.file, text, change.edits));
    } else throw new Error(`the bench does not expect a change to ${change.op} ${change.file}`);
  }
  return texts;
}
