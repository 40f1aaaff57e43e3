import type { CommandForm } from '../transform.js';
import type { RemoveUnusedImportsIntent } from './intent.js';

/** The remove_unused_imports command forms, with an example each. */
export const REMOVE_UNUSED_IMPORTS_FORMS: readonly CommandForm[] = [
  { usage: 'remove unused imports', example: 'remove unused imports' },
  { usage: 'remove unused imports in <path>', example: 'remove unused imports in src/users' },
  {
    usage: 'clean up unused imports in <path>',
    example: 'clean up unused imports in ledger/core.py',
  },
];

const QUOTE = '[`\'"]?';
const FORM = new RegExp(
  String.raw`^(?:remove|delete|drop|prune|clean\s*up|get\s+rid\s+of)\s+(?:all\s+)?(?:the\s+)?(?:unused|unneeded|dead)\s+imports(?:\s+(?:in|from|under|across)\s+${QUOTE}([^\s\`'"]+?)${QUOTE})?\s*[.!]?$`,
  'i',
);

/** Reads a remove_unused_imports command; undefined when the text is not one. */
export function parseRemoveUnusedImportsCommand(
  text: string,
): RemoveUnusedImportsIntent | undefined {
  const match = FORM.exec(text);
  if (!match) return undefined;
  const scope = match[1]?.replace(/^\.\//, '').replace(/\/$/, '');
  return { kind: 'remove_unused_imports', ...(scope && scope !== '.' ? { scope } : {}) };
}
