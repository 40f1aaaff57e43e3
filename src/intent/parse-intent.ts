import { OrchestratorError } from '../core/errors.js';
import type { Intent, SymbolKindFilter } from '../core/intent.js';

/** The command forms the parser understands, with an example of each. */
export const SUPPORTED_FORMS: readonly string[] = [
  'rename <old> to <new>                      e.g. "rename getUser to fetchUser"',
  'rename function|class|method|variable <old> to <new>   e.g. "rename function post_entry to record_entry"',
  'rename method <Class>.<old> to <new>       e.g. "rename method Ledger.post to record"',
  '… in <path>                                e.g. "rename getUser to fetchUser in src/users"',
];

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const QUOTE = '[`\'"]?';
const RENAME = new RegExp(
  String.raw`^rename\s+(?:the\s+)?(?:(function|func|def|class|method|variable|var|const|constant)\s+)?${QUOTE}(?:(${NAME})\.)?(${NAME})${QUOTE}\s+(?:to|->|=>|into|as)\s+${QUOTE}(\S+?)${QUOTE}(?:\s+in\s+${QUOTE}(\S+?)${QUOTE})?\s*[.!]?$`,
  'i',
);
const IDENTIFIER = new RegExp(`^${NAME}$`);

const KIND_WORDS: Record<string, SymbolKindFilter> = {
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

/**
 * Turns a natural-language command into an {@link Intent}.
 * Throws `INTENT_UNRECOGNISED` listing the supported forms, or `INVALID_IDENTIFIER`.
 */
export function parseIntent(command: string): Intent {
  const text = command.trim().replace(/\s+/g, ' ');
  const match = RENAME.exec(text);
  if (!match) throw unrecognised(command);
  const [, kindWord, container, from, to, scope] = match;
  if (from === undefined || to === undefined) throw unrecognised(command);
  if (!IDENTIFIER.test(to)) {
    throw new OrchestratorError(
      'INVALID_IDENTIFIER',
      `The new name "${to}" is not a valid identifier. Use letters, digits and "_" (not starting with a digit).`,
      { data: { name: to } },
    );
  }
  if (from === to) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${from}" is already called "${to}": nothing to rename.`,
      {
        data: { name: from },
      },
    );
  }
  const symbolKind: SymbolKindFilter =
    kindWord === undefined
      ? container
        ? 'method'
        : 'any'
      : (KIND_WORDS[kindWord.toLowerCase()] ?? 'any');
  return {
    kind: 'rename',
    from,
    to,
    symbolKind,
    ...(container ? { container } : {}),
    ...(scope ? { scope: scope.replace(/^\.\//, '').replace(/\/$/, '') } : {}),
    confidence: kindWord === undefined ? 0.9 : 1,
  };
}

function unrecognised(command: string): OrchestratorError {
  const asyncHint = /\basync\b/i.test(command)
    ? '\nAsync refactors ("make X async") are not supported yet.'
    : '';
  return new OrchestratorError(
    'INTENT_UNRECOGNISED',
    `Could not understand the command ${JSON.stringify(command)}.${asyncHint}\nSupported forms:\n  ${SUPPORTED_FORMS.join('\n  ')}`,
    { data: { command, supportedForms: SUPPORTED_FORMS } },
  );
}
