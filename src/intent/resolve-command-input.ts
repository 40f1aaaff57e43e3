import type { Intent } from './all-intents.js';
import { parseIntent, toCommandText, validateIntent } from './parse-intent.js';

/**
 * What a run is asked to do: a command in words, or an intent given as data (`--intent`, a
 * planner's answer), with the words it came from when there were any.
 */
export type CommandInput = string | { readonly intent: unknown; readonly command?: string };

/** A command and its validated intent. */
export interface ResolvedCommand {
  /** The words (for the plan, the commit message and the branch name). */
  readonly command: string;
  readonly intent: Intent;
}

/**
 * Parses a command, or validates an intent and says it back in words
 * (`{kind: 'rename', …}` → `rename post_entry to record_entry`).
 */
export function resolveCommandInput(input: CommandInput, source = 'The intent'): ResolvedCommand {
  if (typeof input === 'string') return { command: input, intent: parseIntent(input) };
  const intent = validateIntent(input.intent, source);
  return { command: input.command ?? toCommandText(intent), intent };
}
