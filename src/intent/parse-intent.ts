import { OrchestratorError } from '../core/errors.js';
import { toIssueList } from '../core/zod-issues.js';
import { INTENT_RULES } from '../transforms/intent-rules.js';
import { GRAMMARS } from './all-grammars.js';
import { INTENT_KINDS, type Intent, intentSchema } from './all-intents.js';
import { quoteWith } from './grammar/read-command.js';
import { compiledGrammars, readGrammarIntent } from './read-grammar-intent.js';

export { MAX_COMMAND_LENGTH } from './read-grammar-intent.js';

/**
 * Turns a natural-language command into an {@link Intent} with the deterministic grammar (every
 * kind's forms), checked by its transform when it has landed. Throws `INTENT_UNRECOGNISED`
 * naming what it could not place and listing the supported forms, or the refusal of the kind
 * (`INVALID_IDENTIFIER`, `NOTHING_TO_DO`, …).
 */
export function parseIntent(command: string): Intent {
  return validateIntent(readGrammarIntent(command));
}

/**
 * Validates an intent given as data (`--intent`, a plan, the library): its kind's schema, then
 * its transform's own checks when the transform has landed. `BAD_INPUT` names the field.
 */
export function validateIntent(input: unknown, source = 'The intent'): Intent {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && !(INTENT_KINDS as readonly string[]).includes(kind)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${source} is not valid:\n  kind: "${kind}" is not a kind of change; the kinds are ${INTENT_KINDS.join(', ')}.`,
      { data: { source, field: 'kind' } },
    );
  }
  const parsed = intentSchema.safeParse(input);
  if (!parsed.success) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${source} is not valid:\n  ${toIssueList(parsed.error).join('\n  ')}`,
      { data: { source } },
    );
  }
  const intent = inSchemaOrder(parsed.data);
  INTENT_RULES[intent.kind]?.validate(intent);
  return intent;
}

/** The intent with its fields in its schema's order, whatever order they came in. */
function inSchemaOrder(intent: Intent): Intent {
  const option = intentSchema.options.find((o) => o.shape.kind.value === intent.kind);
  const fields = Object.keys(option?.shape ?? {}).filter((key) => Object.hasOwn(intent, key));
  return Object.fromEntries(
    fields.map((key) => [key, (intent as Record<string, unknown>)[key]]),
  ) as Intent;
}

/** The plain command that reads back as `intent`: `rename function post_entry to record_entry`. */
export function toCommandText(intent: Intent): string {
  const grammar = GRAMMARS.find((g) => g.kind === intent.kind);
  if (grammar === undefined) throw new Error(`No grammar for the kind "${intent.kind}".`);
  return grammar.toCommand(intent, quoteWith(compiledGrammars()));
}
