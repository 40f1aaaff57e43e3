import type { FileChange } from '../../core/change/change-types.js';
import { checkRemoveUnusedImportsChange } from '../remove-unused-imports/check-change.js';
import type { ReplaceCallsIntent } from './intent.js';
import { splitDotted } from './split-dotted.js';

const DOTTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * What a replace_calls may write, whoever made the plan: callees replaced by a dotted name
 * (optionally awaited, with its closing parenthesis), import removals, and imports that bind
 * the new function (a whole import line, `, name` joining an import, a name turned in place).
 */
export function checkReplaceCallsChange(
  intent: ReplaceCallsIntent,
  change: FileChange,
): string | undefined {
  if (change.op !== 'edit') {
    return `replacing calls does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  const to = splitDotted(intent.to);
  const words = new Set([...(to.qualifier?.split('.') ?? []), to.name]);
  for (const edit of change.edits) {
    const where = `${change.file}:${edit.start[0]}:${edit.start[1]}`;
    const problem = checkEdit(edit, words, to.name);
    if (problem !== undefined) {
      return `${where} would replace ${JSON.stringify(edit.oldText.slice(0, 120))} with ${JSON.stringify(edit.newText.slice(0, 120))}: ${problem}`;
    }
  }
  return undefined;
}

function checkEdit(
  edit: { oldText: string; newText: string; reason: string },
  words: ReadonlySet<string>,
  name: string,
): string | undefined {
  const { oldText, newText } = edit;
  if (edit.reason.startsWith('call site')) {
    if (oldText === '' && newText === ')') return undefined;
    const callee = newText.replace(/^\(?(?:await\s+)?/, '');
    return DOTTED.test(oldText) && DOTTED.test(callee)
      ? undefined
      : 'a call site edit replaces a callee by a dotted name';
  }
  if (newText === '' || (newText === 'pass' && oldText !== '')) {
    const problem = checkRemoveUnusedImportsChange({
      op: 'edit',
      file: '',
      edits: [{ start: [1, 1], end: [1, 1], oldText, newText, reason: edit.reason }],
    });
    return problem === undefined ? undefined : 'only imports are removed';
  }
  if (edit.reason === 'import replaced') {
    return DOTTED.test(newText) && newText.split('.').every((w) => words.has(w) || w === name)
      ? undefined
      : 'a binding is turned into the new name only';
  }
  if (edit.reason === 'import added') {
    if (oldText !== '') return 'an added import replaces nothing';
    const lines = newText.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    return lines.length > 0 && lines.every((line) => bindsOnly(line.trim(), words))
      ? undefined
      : 'an added import binds the new function (or its module) and nothing else';
  }
  return 'not an edit replacing calls does';
}

const MODULE = String.raw`(?:'[^'\r\n]+'|"[^"\r\n]+")`;
const NAME = String.raw`[A-Za-z_$][\w$]*`;

/** One added import line (or `, name`) that binds one of `words` or, in Python, a module. */
function bindsOnly(line: string, words: ReadonlySet<string>): boolean {
  const forms = [
    new RegExp(String.raw`^,\s*(${NAME})$`),
    new RegExp(String.raw`^from\s+[\w.]+\s+import\s+(${NAME})$`),
    new RegExp(String.raw`^import\s+\{\s*(${NAME})\s*\}\s+from\s+${MODULE};?$`),
    new RegExp(String.raw`^import\s+(${NAME})\s+from\s+${MODULE};?$`),
    new RegExp(String.raw`^const\s+\{\s*(${NAME})\s*\}\s*=\s*require\(${MODULE}\);?$`),
    new RegExp(String.raw`^const\s+(${NAME})\s*=\s*require\(${MODULE}\);?$`),
  ];
  if (/^import\s+[\w.]+$/.test(line)) return true;
  return forms.some((form) => {
    const bound = form.exec(line)?.[1];
    return bound !== undefined && words.has(bound);
  });
}
