import { isOrchestratorError, type OrchestratorError } from '../../core/errors.js';
import type { IntentBase } from '../../core/intent.js';
import type { Captures, KindGrammar } from '../../transforms/command-grammar.js';
import type { CompiledGrammars } from './compile-grammars.js';
import {
  createMatchContext,
  type MatchContext,
  matchNode,
  recordFailure,
  StepBudgetExceeded,
} from './match-pattern.js';
import { tokenize } from './tokenize.js';
import { toUnplacedDetail, toUnrecognised } from './unrecognised.js';

/** No change command needs more tokens than this. */
export const MAX_COMMAND_TOKENS = 64;
/** Matching steps one command may take (a few thousand for real commands). */
const MAX_MATCH_STEPS = 400_000;

/** A command's one meaning, and the grammar that read it. */
export interface CommandReading {
  readonly intent: IntentBase;
  readonly grammar: KindGrammar<IntentBase>;
}

/**
 * Reads a normalised command with every kind's forms. Exactly one distinct intent is an
 * answer; none, several, or shell syntax is `INTENT_UNRECOGNISED` (naming what could not be
 * placed, or the readings); a reading its grammar refuses is that refusal, when nothing else
 * reads the command. Deterministic: same text, same answer.
 */
export function readCommand(
  text: string,
  compiled: CompiledGrammars,
  supportedForms: readonly string[],
): CommandReading {
  const tokenized = tokenize(text);
  if ('problem' in tokenized) {
    throw toUnrecognised(
      text,
      `it ${tokenized.problem}; give one change, in words`,
      supportedForms,
      'shell',
    );
  }
  const { tokens } = tokenized;
  if (tokens.length > MAX_COMMAND_TOKENS) {
    throw toUnrecognised(
      text,
      `it has ${tokens.length} words and signs; one change takes at most ${MAX_COMMAND_TOKENS}`,
      supportedForms,
      'too-many-words',
    );
  }
  const context = createMatchContext(tokens, MAX_MATCH_STEPS);
  const { readings, refusals } = collectReadings(compiled, context, text, supportedForms);
  const [first, ...others] = readings;
  if (first !== undefined && others.length === 0) return first;
  if (first !== undefined) {
    const ways = readings.map((r) =>
      JSON.stringify(r.grammar.toCommand(r.intent, quoteWith(compiled))),
    );
    throw toUnrecognised(
      text,
      `it reads ${readings.length} ways: ${ways.join(', ')}. Say it as one of those`,
      supportedForms,
      'ambiguous',
    );
  }
  const [refusal] = refusals;
  if (refusal !== undefined) throw refusal;
  throw toUnrecognised(text, toUnplacedDetail(text, tokens, context.furthest), supportedForms);
}

function collectReadings(
  compiled: CompiledGrammars,
  context: MatchContext,
  text: string,
  supportedForms: readonly string[],
): { readings: CommandReading[]; refusals: OrchestratorError[] } {
  const readings = new Map<string, CommandReading>();
  const refusals: OrchestratorError[] = [];
  try {
    for (const { grammar, form, node } of compiled.forms) {
      for (const [end, captures] of matchNode(node, 0, {}, context)) {
        if (end !== context.tokens.length) {
          recordFailure(context, end);
          continue;
        }
        if (readsAKindAsAName(captures)) continue;
        const built = grammar.build(captures, form);
        if (built === undefined) continue;
        if (isOrchestratorError(built)) refusals.push(built);
        else if (!readings.has(toKey(built)))
          readings.set(toKey(built), { intent: built, grammar });
      }
    }
  } catch (error) {
    if (!(error instanceof StepBudgetExceeded)) throw error;
    throw toUnrecognised(
      text,
      'it is too involved to read as one change',
      supportedForms,
      'too-involved',
    );
  }
  return { readings: [...readings.values()], refusals };
}

/** In `rename the helper function to …`, `function` ends the kind phrase; it is not the name. */
function readsAKindAsAName(captures: Captures): boolean {
  return Object.values(captures).some(
    (c) =>
      (c.type === 'name' && c.readsAsKind) ||
      (c.type === 'names' && c.names.some((n) => n.readsAsKind)),
  );
}

/** The same intent whatever the key order. */
function toKey(intent: IntentBase): string {
  return JSON.stringify(Object.entries(intent).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Quotes a name with backticks when it is one of the grammar's words. */
export function quoteWith(compiled: CompiledGrammars): (name: string) => string {
  return (name) =>
    compiled.words.has(name.toLowerCase()) || /[^\p{L}\p{N}_$.]/u.test(name) ? `\`${name}\`` : name;
}
