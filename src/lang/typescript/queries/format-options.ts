import ts from '../typescript.js';

/**
 * Format settings that print code as `text` already has it: its line break, its indentation
 * (tabs, or the smallest indent in spaces) and, when no line of it ends in `;`, no semicolons.
 * (TypeScript re-prints what a refactor or code fix writes with these.)
 */
export function toFormatCodeSettings(text: string): ts.FormatCodeSettings {
  const newLine = /\r\n/.test(text) ? '\r\n' : '\n';
  const indents = [...text.matchAll(/^([ \t]+)\S/gm)].map((m) => m[1] as string);
  const tabs = indents.length > 0 && indents.every((i) => i.startsWith('\t'));
  const spaces = indents.filter((i) => !i.startsWith('\t')).map((i) => i.length);
  const size = spaces.length > 0 ? Math.min(...spaces) : 2;
  const semicolons = /;[ \t]*(?:\/\/[^\r\n]*)?$/m.test(text)
    ? ts.SemicolonPreference.Ignore
    : ts.SemicolonPreference.Remove;
  return {
    ...ts.getDefaultFormatCodeSettings(newLine),
    indentSize: tabs ? 4 : size,
    tabSize: tabs ? 4 : size,
    convertTabsToSpaces: !tabs,
    semicolons,
  };
}
