import { OrchestratorError } from '../../core/errors.js';
import type { Upstream } from '../../core/phase.js';
import type { PhaseOutputs } from '../../core/phase-outputs.js';

/** The output of an earlier phase, or `INTERNAL` naming who needed it. */
export function requireUpstream<K extends keyof PhaseOutputs>(
  upstream: Upstream,
  phase: K,
  neededBy: string,
): PhaseOutputs[K] {
  const output = upstream[phase];
  if (output === undefined) {
    throw new OrchestratorError('INTERNAL', `${neededBy} needs the ${phase} phase's result.`);
  }
  return output as PhaseOutputs[K];
}
