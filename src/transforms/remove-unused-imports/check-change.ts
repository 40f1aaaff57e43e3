import type { FileChange } from '../../core/change/change-types.js';

/** Comments to the end of a line (`#`, `//`) and string literals (module specifiers). */
const COMMENTS = /(?:#|\/\/)[^\r\n]*/g;
const STRINGS = /(['"`])(?:\\.|(?!\1).)*\1/g;
/** Whole import statements: every statement starts with `import` or `from`, none assigns. */
const STATEMENTS = /^\s*(?:(?:import|from)\b[^=;]*?(?:;\s*|\s*$))+$/;
const NAME = String.raw`(?:type\s+)?(?:\*\s+as\s+[\w$]+|[\w$]+(?:\.[\w$]+)*(?:\s+as\s+[\w$]+)?)`;
/** A piece of a name list: names, `as` aliases, commas, braces, parentheses, continuations. */
const FRAGMENT = new RegExp(String.raw`^[\s,{}()\\]*${NAME}(?:[\s,{}()\\]+${NAME})*[\s,{}()\\]*$`);

/**
 * What remove_unused_imports may write, whoever made the plan: deletions of import statements
 * or of names out of one (`pass` where a Python block would be left empty, `import ` where a
 * JS/TS module stays loaded for its effects), and nothing else.
 */
export function checkRemoveUnusedImportsChange(change: FileChange): string | undefined {
  if (change.op !== 'edit') {
    return `removing unused imports does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  for (const edit of change.edits) {
    const old = edit.oldText.replace(STRINGS, "''").replace(COMMENTS, '');
    const whole = STATEMENTS.test(old);
    const allowed =
      (edit.newText === '' && (whole || FRAGMENT.test(old))) ||
      (edit.newText === 'pass' && whole) ||
      (edit.newText === 'import ' && /^import\s[\s\S]*\bfrom\s*$/.test(old));
    if (!allowed) {
      return `${change.file}:${edit.start[0]}:${edit.start[1]} would replace ${JSON.stringify(edit.oldText.slice(0, 120))} with ${JSON.stringify(edit.newText)}, which is not the removal of an import`;
    }
  }
  return undefined;
}
