import type { FileChange } from '../../core/change/change-types.js';
import { sortRangeEdits } from '../../core/change/find-overlap.js';
import { compareText } from '../../core/whole-word.js';

const OP_ORDER: Record<FileChange['op'], number> = { edit: 0, move: 1, create: 2, delete: 3 };

/** Changes in a stable order: by file, then edit before move, create, delete; edits by position. */
export function sortChanges(changes: readonly FileChange[]): FileChange[] {
  return changes
    .map((change) =>
      change.op === 'edit' ? { ...change, edits: sortRangeEdits(change.edits) } : change,
    )
    .sort((a, b) => compareText(a.file, b.file) || OP_ORDER[a.op] - OP_ORDER[b.op]);
}

/** Every path the changes touch, sorted and unique. */
export function toChangedFiles(changes: readonly FileChange[]): string[] {
  const files = new Set<string>();
  for (const change of changes) {
    files.add(change.file);
    if (change.op === 'move') files.add(change.to);
  }
  return [...files].sort(compareText);
}
