import { isDeepStrictEqual } from 'node:util';
import type { IntentBase } from '../core/intent.js';
import type { SymbolDefinition } from '../core/source-types.js';
import { INTENT_RULES } from '../transforms/intent-rules.js';
import type { Intent } from './all-intents.js';
import { parseIntent, toCommandText, validateIntent } from './parse-intent.js';

/** A command that names one candidate of an ambiguous symbol alone. */
export interface CandidateCommand {
  /** `file:line`, and what it is: `src/cache.ts:4 (method in UserCache)`. */
  readonly candidate: string;
  /** The command in words, e.g. `rename method UserCache.getUser to fetchUser in src/cache.ts`. */
  readonly command: string;
}

/**
 * For a command whose symbol named several declarations (`SYMBOL_AMBIGUOUS`, its
 * `data.definitions`): one command per candidate that names it alone, each one the grammar reads
 * back as exactly that intent. Candidates the kind's commands cannot tell apart (two of them
 * would read the same) get none.
 */
export function toCandidateCommands(
  intent: Intent,
  candidates: readonly SymbolDefinition[],
): CandidateCommand[] {
  const narrow = INTENT_RULES[intent.kind]?.narrow;
  if (narrow === undefined) return [];
  const commands: CandidateCommand[] = [];
  for (const candidate of candidates) {
    const command = toReadableCommand(narrow(intent, candidate));
    if (command === undefined) continue;
    const owner = candidate.container === undefined ? '' : ` in ${candidate.container}`;
    commands.push({
      candidate: `${candidate.file}:${candidate.line} (${candidate.kind}${owner})`,
      command,
    });
  }
  return commands.filter(
    (entry) => commands.filter((other) => other.command === entry.command).length === 1,
  );
}

/** The words for `intent`, when the grammar reads them back as `intent`; else undefined. */
function toReadableCommand(intent: IntentBase | undefined): string | undefined {
  if (intent === undefined) return undefined;
  try {
    const valid = validateIntent(intent);
    const command = toCommandText(valid);
    return isDeepStrictEqual(parseIntent(command), valid) ? command : undefined;
  } catch {
    return undefined;
  }
}
