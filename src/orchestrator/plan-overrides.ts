import { ExecutionPlan } from '../core/plan/execution-plan.js';
import type { PhaseSettingsEntry } from '../core/plan/plan-schema.js';

/** What a run sets over a plan's own choices. */
export interface PlanOverrides {
  /** Argv of `--test-command`: replaces the test node's command. */
  testCommand?: string[];
  /** `--test-timeout` in ms: EXECUTE's `test_timeout_ms`. */
  testTimeoutMs?: number;
}

/**
 * `phases` with EXECUTE's `test_timeout_ms` set to `testTimeoutMs` (its entry added when the
 * list has none); unchanged when `testTimeoutMs` is undefined.
 */
export function withTestTimeout<T extends PhaseSettingsEntry>(
  phases: readonly T[],
  testTimeoutMs: number | undefined,
): Array<T | PhaseSettingsEntry> {
  if (testTimeoutMs === undefined) return [...phases];
  const entry = { phase: 'execute', test_timeout_ms: testTimeoutMs };
  if (!phases.some((p) => p.phase === 'execute')) return [...phases, entry];
  return phases.map((p) => (p.phase === 'execute' ? { ...p, ...entry } : p));
}

/** The plan a run carries out: `plan` with the run's overrides put in (the same plan without any). */
export function toEffectivePlan(plan: ExecutionPlan, overrides: PlanOverrides): ExecutionPlan {
  const { testCommand, testTimeoutMs } = overrides;
  if (testCommand === undefined && testTimeoutMs === undefined) return plan;
  return ExecutionPlan.create({
    ...plan.data,
    phases: withTestTimeout(plan.data.phases, testTimeoutMs),
    dag: {
      ...plan.data.dag,
      nodes: plan.data.dag.nodes.map((node) =>
        node.op === 'test' && testCommand !== undefined ? { ...node, command: testCommand } : node,
      ),
    },
  });
}
