import { z } from 'zod';
import { OrchestratorError } from '../errors.js';
import { createDefaultPhaseSettings } from '../phase.js';
import { toIssueList } from '../zod-issues.js';
import { type PhaseSettings, phaseSettingsSchema } from './plan-schema.js';

/**
 * The default phase settings with `overrides` (parsed JSON: an array of `{phase, …}` entries,
 * e.g. `[{"phase": "monte_carlo", "duration_limit_ms": 5000, "seed": 7}]`) put in their place.
 * Throws `BAD_INPUT` naming `source` and the field.
 */
export function mergePhaseSettings(overrides: unknown, source: string): PhaseSettings[] {
  const parsed = z.array(phaseSettingsSchema).safeParse(overrides);
  if (!parsed.success) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${source} is not a list of phase settings:\n  ${toIssueList(parsed.error).join('\n  ')}`,
      { data: { source } },
    );
  }
  return createDefaultPhaseSettings().map(
    (defaults) => parsed.data.find((entry) => entry.phase === defaults.phase) ?? defaults,
  );
}
