import type { FileChange } from '../../core/change/change-types.js';
import { escapeRegex } from '../../core/whole-word.js';
import type { AddParameterIntent } from './intent.js';

/** The new text without the separators around it: `, x=1` → `x=1`. */
function core(text: string): string {
  return text.replace(/^[\s,]+|[\s,]+$/g, '');
}

/**
 * What an add_parameter may write, whoever made the plan: insertions of the parameter (its
 * name, then its type or default) and, at calls, of the value (after `undefined`s that pad the
 * position, or as `name=value`); a lone arrow parameter put in parentheses with it. Nothing
 * is deleted or replaced, and no file is created, deleted or moved.
 */
export function checkAddParameterChange(
  intent: AddParameterIntent,
  change: FileChange,
): string | undefined {
  if (change.op !== 'edit')
    return `add_parameter does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  const name = escapeRegex(intent.name);
  const parameter = new RegExp(`^${name}(?:\\??\\s*:|\\s*=|$)`);
  const value = intent.value?.trim();
  const isValue = (text: string) =>
    value !== undefined &&
    (text === `${intent.name}=${value}` ||
      new RegExp(`^(?:undefined, )*${escapeRegex(value)}$`).test(text));
  for (const edit of change.edits) {
    const added = core(edit.newText);
    const fine =
      edit.oldText === ''
        ? parameter.test(added) || isValue(added)
        : (edit.newText.startsWith(`(${edit.oldText}, `) ||
            edit.newText.endsWith(`, ${edit.oldText})`)) &&
          parameter.test(core(edit.newText.slice(1, -1).replace(edit.oldText, '')));
    if (!fine) {
      return `${change.file}:${edit.start[0]}:${edit.start[1]} would replace ${JSON.stringify(edit.oldText)} with ${JSON.stringify(edit.newText)}, which does not add the parameter "${intent.name}"`;
    }
  }
  return undefined;
}
