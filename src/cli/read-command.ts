import { isOrchestratorError } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import { isPlannerOff, type PlannerMode } from '../intent/planner-mode.js';
import type { CommandInput, ResolvedCommand } from '../intent/resolve-command-input.js';

/**
 * Reads a command before the orchestrator loads, so that a refused one answers fast: with the
 * grammar (or, for `--intent`, the kind's schema). Returns `undefined` when a model planner
 * must read it instead — `--planner model`, or `auto` when the grammar cannot place the words
 * and `ORCHESTRATOR_PLANNER` configures a model — and then the orchestrator's
 * `resolveRunIntent` does. Throws the grammar's refusal otherwise.
 *
 * `refuseEarly` sees the intent as soon as it is read — for words, before the schemas (and zod)
 * load; for `--intent`, once its schema has passed — and throws what it refuses.
 */
export async function readWithGrammar(
  input: CommandInput,
  mode: PlannerMode,
  options: {
    refuseEarly?: (intent: IntentBase) => Promise<void>;
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): Promise<ResolvedCommand | undefined> {
  if (mode === 'model') return undefined;
  const env = options.env ?? process.env;
  let resolved: ResolvedCommand;
  try {
    if (typeof input === 'string') {
      // The grammar and the transform's checks refuse before the schemas (and zod) load.
      const { readGrammarIntent } = await import('../intent/read-grammar-intent.js');
      const intent = readGrammarIntent(input);
      if (options.refuseEarly) await refuseEarly(options.refuseEarly, intent);
    }
    const { resolveCommandInput } = await import('../intent/resolve-command-input.js');
    resolved = resolveCommandInput(input, '--intent');
  } catch (error) {
    if (error instanceof EarlyRefusal) throw error.cause;
    if (mode === 'grammar' || typeof input !== 'string') throw error;
    if (!isOrchestratorError(error, 'INTENT_UNRECOGNISED') || isPlannerOff(env)) throw error;
    const [{ isAskable }, { resolvePlannerSettings }] = await Promise.all([
      import('../intent/understand-command.js'),
      import('../intent/planners/planner-settings.js'),
    ]);
    if (!isAskable(error) || resolvePlannerSettings(env).provider === 'off') throw error;
    return undefined;
  }
  if (typeof input !== 'string') await options.refuseEarly?.(resolved.intent);
  return resolved;
}

/** What `refuseEarly` threw, kept apart from the grammar's refusals a model may take over. */
class EarlyRefusal {
  constructor(readonly cause: unknown) {}
}

async function refuseEarly(
  refuse: (intent: IntentBase) => Promise<void>,
  intent: IntentBase,
): Promise<void> {
  try {
    await refuse(intent);
  } catch (error) {
    throw new EarlyRefusal(error);
  }
}
