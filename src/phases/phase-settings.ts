import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import type { RunOptions } from '../core/phase.js';
import type { PhaseSettingsEntry } from '../core/plan/plan-schema.js';
import { toIssueList } from '../core/zod-issues.js';
import { DEFAULT_EXECUTE_SETTINGS, executeSettingsSchema } from './execute/execute-settings.js';
import { DEFAULT_MAP_SETTINGS, mapSettingsSchema } from './map/map-settings.js';
import {
  DEFAULT_MONTE_CARLO_SETTINGS,
  monteCarloSettingsSchema,
} from './monte-carlo/monte-carlo-settings.js';

const noSettings = <P extends string>(phase: P) => z.strictObject({ phase: z.literal(phase) });

/** One phase's settings, each validated by the schema beside the phase that reads it. */
export const phaseSettingsSchema = z.discriminatedUnion('phase', [
  mapSettingsSchema,
  noSettings('logic'),
  monteCarloSettingsSchema,
  noSettings('plan'),
  noSettings('optimize'),
  executeSettingsSchema,
  noSettings('review'),
]);

export type PhaseSettings = z.infer<typeof phaseSettingsSchema>;

/** Every phase's defaults, in phase order (the shape of a plan's `phases`). */
export function createDefaultPhaseSettings(): PhaseSettings[] {
  return [
    structuredClone(DEFAULT_MAP_SETTINGS),
    { phase: 'logic' },
    { ...DEFAULT_MONTE_CARLO_SETTINGS },
    { phase: 'plan' },
    { phase: 'optimize' },
    { ...DEFAULT_EXECUTE_SETTINGS },
    { phase: 'review' },
  ];
}

/** Checks a plan's (or `--phases`') entries; `error` names `source` and the field. */
export function validatePhaseSettings(
  entries: unknown,
  source: string,
  code: 'BAD_INPUT' | 'PLAN_INVALID' = 'PLAN_INVALID',
): PhaseSettings[] {
  const parsed = z.array(phaseSettingsSchema).safeParse(entries);
  if (!parsed.success) {
    throw new OrchestratorError(
      code,
      `${source} is not a list of phase settings:\n  ${toIssueList(parsed.error).join('\n  ')}`,
      { data: { source } },
    );
  }
  return parsed.data;
}

/**
 * The default phase settings with `overrides` (parsed JSON: `[{"phase": "monte_carlo",
 * "duration_limit_ms": 5000, "seed": 7}]`) put in their place. Throws `BAD_INPUT` naming the field.
 */
export function mergePhaseSettings(overrides: unknown, source: string): PhaseSettings[] {
  const given = validatePhaseSettings(overrides, source, 'BAD_INPUT');
  return createDefaultPhaseSettings().map(
    (defaults) => given.find((entry) => entry.phase === defaults.phase) ?? defaults,
  );
}

/** The validated settings of `phase` in the run's options, else its defaults. */
export function findPhaseSettings<P extends PhaseSettings['phase']>(
  options: Pick<RunOptions, 'phaseSettings'>,
  phase: P,
): Extract<PhaseSettings, { phase: P }> {
  const entry: PhaseSettingsEntry | undefined = options.phaseSettings.find(
    (candidate) => candidate.phase === phase,
  );
  const source = entry ?? createDefaultPhaseSettings().find((d) => d.phase === phase);
  return phaseSettingsSchema.parse(source) as Extract<PhaseSettings, { phase: P }>;
}
