import type { CommandForm } from '../transform.js';
import type { MoveIntent } from './intent.js';

/** The move command forms, with an example each. */
export const MOVE_FORMS: readonly CommandForm[] = [
  { usage: 'move <name> to <path>', example: 'move post_entry to ledger/posting.py' },
  {
    usage: 'move function|class|variable <name> to <path>',
    example: 'move class Ledger to src/ledger.ts',
  },
  {
    usage: 'move <name> from <path> to <path>',
    example: 'move format_money from utils.py to money/format.py',
  },
];

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const PATH = String.raw`[^\s\`'"]+`;
const QUOTE = '[`\'"]?';
const MOVE = new RegExp(
  String.raw`^move\s+(?:the\s+)?(?:(?:function|func|def|class|variable|var|const|constant|symbol)\s+)?${QUOTE}(${NAME})${QUOTE}(?:\s+from\s+${QUOTE}(${PATH})${QUOTE})?\s+(?:to|into)\s+(?:the\s+)?(?:(?:new\s+)?(?:module|file)\s+)?${QUOTE}(${PATH}?)${QUOTE}\s*[.!]?$`,
  'i',
);

/** `./a/b.py` → `a/b.py`. */
function toPath(text: string): string {
  return text.replace(/^(?:\.\/)+/, '');
}

/** Reads a move command; undefined when the text is not one. */
export function parseMoveCommand(text: string): MoveIntent | undefined {
  const match = MOVE.exec(text);
  if (!match) return undefined;
  const [, symbol, from, to] = match;
  if (symbol === undefined || to === undefined || to === '') return undefined;
  return {
    kind: 'move',
    symbol,
    ...(from ? { from: toPath(from) } : {}),
    to: toPath(to),
  };
}
