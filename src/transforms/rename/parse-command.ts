import type { CommandForm } from '../transform.js';
import type { RenameIntent } from './intent.js';

/** The rename command forms, with an example each. */
export const RENAME_FORMS: readonly CommandForm[] = [
  { usage: 'rename <old> to <new>', example: 'rename getUser to fetchUser' },
  {
    usage: 'rename function|class|method|variable <old> to <new>',
    example: 'rename function post_entry to record_entry',
  },
  { usage: 'rename method <Class>.<old> to <new>', example: 'rename method Ledger.post to record' },
  { usage: '… in <path>', example: 'rename getUser to fetchUser in src/users' },
];

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const QUOTE = '[`\'"]?';
const RENAME = new RegExp(
  String.raw`^rename\s+(?:the\s+)?(?:(function|func|def|class|method|variable|var|const|constant)\s+)?${QUOTE}(?:(${NAME})\.)?(${NAME})${QUOTE}\s+(?:to|->|=>|into|as)\s+${QUOTE}(\S+?)${QUOTE}(?:\s+in\s+${QUOTE}(\S+?)${QUOTE})?\s*[.!]?$`,
  'i',
);

const KIND_WORDS: Record<string, RenameIntent['symbolKind']> = {
  function: 'function',
  func: 'function',
  def: 'function',
  class: 'class',
  method: 'method',
  variable: 'variable',
  var: 'variable',
  const: 'variable',
  constant: 'variable',
};

/** Reads a rename command; undefined when the text is not one. */
export function parseRenameCommand(text: string): RenameIntent | undefined {
  const match = RENAME.exec(text);
  if (!match) return undefined;
  const [, kindWord, container, from, to, scope] = match;
  if (from === undefined || to === undefined) return undefined;
  const symbolKind =
    kindWord === undefined
      ? container
        ? 'method'
        : undefined
      : KIND_WORDS[kindWord.toLowerCase()];
  return {
    kind: 'rename',
    from,
    to,
    ...(symbolKind ? { symbolKind } : {}),
    ...(container ? { container } : {}),
    ...(scope ? { scope: scope.replace(/^\.\//, '').replace(/\/$/, '') } : {}),
  };
}
