import { createAnthropicPlanner } from './anthropic-planner.js';
import type { IntentPlanner } from './intent-planner.js';
import { createOpenAiPlanner } from './openai-planner.js';
import { resolvePlannerSettings } from './planner-settings.js';

/**
 * The planner the environment configures (`ORCHESTRATOR_PLANNER=anthropic|openai`), or
 * undefined when it is unset or `off`. Throws `INVALID_SETTING` naming a missing or bad variable.
 */
export function createPlannerFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IntentPlanner | undefined {
  const settings = resolvePlannerSettings(env);
  switch (settings.provider) {
    case 'off':
      return undefined;
    case 'anthropic':
      return createAnthropicPlanner(settings);
    case 'openai':
      return createOpenAiPlanner(settings);
  }
}
