import { OrchestratorError } from '../core/errors.js';
import { toIssueList } from '../core/zod-issues.js';
import { type Intent, intentSchema, TRANSFORMS } from '../transforms/registry.js';
import type { Transform } from '../transforms/transform.js';

/** The longest command read; longer text is refused before anything else. */
export const MAX_COMMAND_LENGTH = 2_000;

const transforms = Object.values(TRANSFORMS) as ReadonlyArray<Transform<Intent>>;

/** The command forms the parser understands, with an example of each. */
export const SUPPORTED_FORMS: readonly string[] = transforms.flatMap((transform) =>
  transform.forms.map((form) => `${form.usage.padEnd(42)} e.g. "${form.example}"`),
);

/**
 * Turns a natural-language command into an {@link Intent}, checked by its transform.
 * Throws `INTENT_UNRECOGNISED` listing the supported forms, or the transform's refusal
 * (`INVALID_IDENTIFIER`, `NOTHING_TO_DO`, …).
 */
export function parseIntent(command: string): Intent {
  if (command.length > MAX_COMMAND_LENGTH) {
    throw new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `The command is ${command.length} characters long; commands are at most ${MAX_COMMAND_LENGTH}. It starts ${JSON.stringify(command.slice(0, 80))}…`,
      { data: { length: command.length } },
    );
  }
  const text = command.trim().replace(/\s+/g, ' ');
  for (const transform of transforms) {
    const intent = transform.parse(text);
    if (intent !== undefined) return validateIntent(intent);
  }
  throw unrecognised(command);
}

/** Validates an intent given as data (`--intent`, a plan, the library) with its transform. */
export function validateIntent(input: unknown, source = 'The intent'): Intent {
  const parsed = intentSchema.safeParse(input);
  if (!parsed.success) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${source} is not valid:\n  ${toIssueList(parsed.error).join('\n  ')}`,
      { data: { source } },
    );
  }
  const intent = parsed.data;
  const transform = TRANSFORMS[intent.kind] as Transform<Intent>;
  transform.validateIntent(intent);
  return intent;
}

function unrecognised(command: string): OrchestratorError {
  const shown =
    command.length > 200 ? `${JSON.stringify(command.slice(0, 200))}…` : JSON.stringify(command);
  return new OrchestratorError(
    'INTENT_UNRECOGNISED',
    `Could not understand the command ${shown}.\nSupported forms:\n  ${SUPPORTED_FORMS.join('\n  ')}`,
    { data: { command: command.slice(0, 200), supportedForms: SUPPORTED_FORMS } },
  );
}
