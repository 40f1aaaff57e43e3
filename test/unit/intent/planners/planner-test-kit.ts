import type { IntentPlanner } from '../../../../src/intent/planners/intent-planner.js';
import { type PlanIntentOptions, planIntent } from '../../../../src/intent/planners/plan-intent.js';
import {
  type ResolvedHttpPlannerSettings,
  resolvePlannerSettings,
} from '../../../../src/intent/planners/planner-settings.js';
import { countTokens, trimToTokenBudget } from '../../../../src/telemetry/count-tokens.js';

/** A command the grammar cannot place (checked in the tests). */
export const UNPLACED = 'swap the name post_entry for record_entry';

export const RENAME = { kind: 'rename', from: 'post_entry', to: 'record_entry' } as const;

export const TOKENS = { count: countTokens, trim: trimToTokenBudget };

/** HTTP planner settings from an environment, as the CLI resolves them. */
export function httpSettings(env: Record<string, string>): ResolvedHttpPlannerSettings {
  const settings = resolvePlannerSettings(env);
  if (settings.provider === 'off') throw new Error('no planner configured');
  return settings;
}

/** `planIntent` with the default budgets, warnings collected in `warnings`. */
export function planWith(
  planner: IntentPlanner,
  command: string,
  warnings: string[],
  overrides: Partial<PlanIntentOptions> = {},
) {
  return planIntent(command, {
    planner,
    tokens: TOKENS,
    phaseTokenBudget: 4096,
    runTokenBudget: 28_672,
    maxOutputTokens: 4096,
    maxRetries: 3,
    warn: (message) => warnings.push(message),
    ...overrides,
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; data?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}
