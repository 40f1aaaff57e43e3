import type { CommandForm } from '../transform.js';
import type { RemoveParameterIntent } from './intent.js';

/** The remove_parameter command forms, with an example each. */
export const REMOVE_PARAMETER_FORMS: readonly CommandForm[] = [
  {
    usage: 'remove parameter <name> from <function>',
    example: 'remove parameter verbose from post_entry',
  },
  {
    usage: 'drop the <name> argument of <function>',
    example: 'drop the verbose argument of post_entry',
  },
  {
    usage: 'remove parameter <name> from <Class>.<method>',
    example: 'remove parameter dry_run from Ledger.post',
  },
];

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const QUOTE = '[`\'"]?';
const WORD = '(?:parameter|param|argument|arg)';
const REMOVE = new RegExp(
  String.raw`^(?:remove|drop|delete)\s+(?:the\s+)?(?:${WORD}\s+${QUOTE}(${NAME})${QUOTE}|(?!(?:the|a|an)\s)${QUOTE}(${NAME})${QUOTE}\s+${WORD})\s+(?:from|of|in)\s+(?:the\s+)?(?:(?:function|method|def)\s+)?${QUOTE}(${NAME}(?:\.${NAME})?)${QUOTE}(?:\(\))?\s*[.!]?$`,
  'i',
);

/** Reads a remove_parameter command; undefined when the text is not one. */
export function parseRemoveParameterCommand(text: string): RemoveParameterIntent | undefined {
  const match = REMOVE.exec(text);
  const name = match?.[1] ?? match?.[2];
  const fn = match?.[3];
  if (name === undefined || fn === undefined) return undefined;
  return { kind: 'remove_parameter', function: fn, name };
}
