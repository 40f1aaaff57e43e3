/** The seven phases, in the order a run goes through them. */
export const PHASE_NAMES = [
  'map',
  'logic',
  'monte_carlo',
  'plan',
  'optimize',
  'execute',
  'review',
] as const;

export type PhaseName = (typeof PHASE_NAMES)[number];

/** Phases a run makes the plan in (`plan` and `--dry-run` stop after these). */
export const PLANNING_PHASES: readonly PhaseName[] = ['map', 'logic', 'monte_carlo', 'plan'];

/** Phases that carry a plan out (`apply` runs only these). */
export const CARRYING_OUT_PHASES: readonly PhaseName[] = ['optimize', 'execute', 'review'];
