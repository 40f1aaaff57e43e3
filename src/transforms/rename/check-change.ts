import type { FileChange } from '../../core/change/change-types.js';
import type { RenameIntent } from './intent.js';

/**
 * What a rename may write, whoever made the plan: edits that replace the old name with the
 * new one (`#old` → `#new` for private names; `old` → `old: new` or `new: old` where a
 * shorthand property keeps one of them), and nothing else — no other text, no new, deleted or
 * moved files.
 */
export function checkRenameChange(intent: RenameIntent, change: FileChange): string | undefined {
  if (change.op !== 'edit') {
    return `a rename does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  const { from, to } = intent;
  const allowed = new Map<string, Set<string>>([
    [from, new Set([to, `${from}: ${to}`, `${to}: ${from}`])],
    [`#${from}`, new Set([`#${to}`])],
  ]);
  for (const edit of change.edits) {
    if (allowed.get(edit.oldText)?.has(edit.newText) !== true) {
      return `${change.file}:${edit.start[0]}:${edit.start[1]} would replace ${JSON.stringify(edit.oldText)} with ${JSON.stringify(edit.newText)}, which is not a rename of "${from}" to "${to}"`;
    }
  }
  return undefined;
}
