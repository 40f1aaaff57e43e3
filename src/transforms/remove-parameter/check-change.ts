import type { FileChange } from '../../core/change/change-types.js';
import type { RemoveParameterIntent } from './intent.js';

/**
 * What a remove_parameter may write, whoever made the plan: deletions only (a lone arrow
 * parameter becomes `()`), and no new, deleted or moved files.
 */
export function checkRemoveParameterChange(
  intent: RemoveParameterIntent,
  change: FileChange,
): string | undefined {
  if (change.op !== 'edit')
    return `remove_parameter does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  for (const edit of change.edits) {
    const fine =
      edit.oldText !== '' &&
      (edit.newText === '' || (edit.newText === '()' && edit.oldText.startsWith(intent.name)));
    if (!fine) {
      return `${change.file}:${edit.start[0]}:${edit.start[1]} would replace ${JSON.stringify(edit.oldText)} with ${JSON.stringify(edit.newText)}; removing the parameter "${intent.name}" only deletes text`;
    }
  }
  return undefined;
}
