import { isOrchestratorError } from '../core/errors.js';
import { isPlannerOff, type PlannerMode } from '../intent/planner-mode.js';
import type { CommandInput, ResolvedCommand } from '../intent/resolve-command-input.js';

/**
 * Reads a command before the orchestrator loads, so that a refused one answers fast: with the
 * grammar (or, for `--intent`, the kind's schema). Returns `undefined` when a model planner
 * must read it instead — `--planner model`, or `auto` when the grammar cannot place the words
 * and `ORCHESTRATOR_PLANNER` configures a model — and then the orchestrator's
 * `resolveRunIntent` does. Throws the grammar's refusal otherwise.
 */
export async function readWithGrammar(
  input: CommandInput,
  mode: PlannerMode,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ResolvedCommand | undefined> {
  if (mode === 'model') return undefined;
  try {
    if (typeof input === 'string') {
      // The grammar and the transform's checks refuse before the schemas (and zod) load.
      const { readGrammarIntent } = await import('../intent/read-grammar-intent.js');
      readGrammarIntent(input);
    }
    const { resolveCommandInput } = await import('../intent/resolve-command-input.js');
    return resolveCommandInput(input, '--intent');
  } catch (error) {
    if (mode === 'grammar' || typeof input !== 'string') throw error;
    if (!isOrchestratorError(error, 'INTENT_UNRECOGNISED') || isPlannerOff(env)) throw error;
    const [{ isAskable }, { resolvePlannerSettings }] = await Promise.all([
      import('../intent/understand-command.js'),
      import('../intent/planners/planner-settings.js'),
    ]);
    if (!isAskable(error) || resolvePlannerSettings(env).provider === 'off') throw error;
    return undefined;
  }
}
