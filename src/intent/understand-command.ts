import { isOrchestratorError, OrchestratorError } from '../core/errors.js';
import type { UnrecognisedReason } from './grammar/unrecognised.js';
import { parseIntent } from './parse-intent.js';
import type { PlannerMode } from './planner-mode.js';
import type { IntentPlanner } from './planners/intent-planner.js';
import { describePlanner, type PlannedIntent } from './planners/plan-intent.js';
import {
  type CommandInput,
  type ResolvedCommand,
  resolveCommandInput,
} from './resolve-command-input.js';

export { PLANNER_MODES, type PlannerMode } from './planner-mode.js';

/** A resolved command, and the model's part in it when a model chose the intent. */
export interface UnderstoodCommand extends ResolvedCommand {
  readonly planned?: PlannedIntent;
}

/** How to understand a command. */
export interface UnderstandOptions {
  /** @default 'auto' */
  readonly mode?: PlannerMode;
  /** The model planner, when one is configured. */
  readonly planner?: IntentPlanner;
  /** Asks the planner (budgets, retries and validation applied: see `planIntent`). */
  readonly plan: (planner: IntentPlanner, command: string) => Promise<PlannedIntent>;
  /** Told when the model is asked. */
  readonly progress?: (message: string) => void;
}

/** Refusals a model is never asked to second-guess: shell syntax, several readings, too long. */
const FINAL_REASONS: ReadonlySet<UnrecognisedReason> = new Set(['shell', 'ambiguous', 'too-long']);

/**
 * Turns a command into an intent: an intent given as data is only validated; words go to the
 * grammar, and to the model planner only when the grammar cannot place them (or in `model`
 * mode). The grammar's refusals of shell syntax, ambiguity and invalid or unchanged names stand:
 * no model is asked then.
 */
export async function understandCommand(
  input: CommandInput,
  options: UnderstandOptions,
): Promise<UnderstoodCommand> {
  const mode = options.mode ?? 'auto';
  if (typeof input !== 'string') {
    if (mode === 'model') {
      throw new OrchestratorError(
        'BAD_INPUT',
        '--planner model reads a command in words; an intent given as data (--intent) needs no model.',
      );
    }
    return resolveCommandInput(input);
  }
  const { planner } = options;
  if (mode === 'model') {
    if (planner === undefined) {
      throw new OrchestratorError(
        'INVALID_SETTING',
        '--planner model needs a model planner: set ORCHESTRATOR_PLANNER=anthropic (with ANTHROPIC_API_KEY) or ORCHESTRATOR_PLANNER=openai (with OPENAI_BASE_URL and ORCHESTRATOR_MODEL).',
        { data: { variable: 'ORCHESTRATOR_PLANNER' } },
      );
    }
    refuseUnaskable(input);
    return ask(planner, input, options);
  }
  try {
    return { command: input, intent: parseIntent(input) };
  } catch (error) {
    if (mode === 'grammar' || planner === undefined || !isAskable(error)) throw error;
    return ask(planner, input, options);
  }
}

async function ask(
  planner: IntentPlanner,
  command: string,
  options: UnderstandOptions,
): Promise<UnderstoodCommand> {
  options.progress?.(`asking the ${describePlanner(planner)} to read the command`);
  const planned = await options.plan(planner, command);
  return { command, intent: planned.intent, planned };
}

/** Shell syntax and over-long commands are refused before any model sees them. */
function refuseUnaskable(command: string): void {
  try {
    parseIntent(command);
  } catch (error) {
    if (isOrchestratorError(error, 'INTENT_UNRECOGNISED') && !isAskable(error)) throw error;
  }
}

/**
 * True when a model planner may read a command the grammar refused with `error`: an
 * `INTENT_UNRECOGNISED` that is not shell syntax, ambiguity or an over-long command.
 */
export function isAskable(error: unknown): boolean {
  if (!isOrchestratorError(error, 'INTENT_UNRECOGNISED')) return false;
  const reason = error.data.reason as UnrecognisedReason | undefined;
  return reason !== undefined && !FINAL_REASONS.has(reason);
}
