import type { IntentBase } from '../core/intent.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import type { RunRecord } from '../telemetry/run-record.js';
import type { RunResult } from './run-types.js';

/**
 * The history row of a run that got as far as OPTIMIZE (earlier stops teach OPTIMIZE nothing):
 * what was planned, chosen and predicted, and what happened.
 */
export function toRunRecord(
  result: RunResult,
  intent: IntentBase,
  outputs: Partial<PhaseOutputs>,
): RunRecord | undefined {
  const optimize = outputs.optimize;
  if (!optimize) return undefined;
  const plan = outputs.plan?.plan;
  const changes = plan?.fileChanges() ?? [];
  const slices = outputs.map?.slices ?? [];
  return {
    runId: result.runId,
    command: result.command,
    kind: intent.kind,
    language: plan?.data.language ?? 'unknown',
    success: result.success,
    durationMs: result.durationMs,
    fileCount: changes.length,
    editCount: changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 1), 0),
    parallelism: optimize.parallelism,
    batchSize: optimize.batchSize,
    testDurationMs: outputs.execute ? outputs.execute.test.durationMs : null,
    phaseDurations: Object.fromEntries(result.phases.map((p) => [p.phase, p.durationMs])),
    memoryPeakMb: result.memoryPeakMb,
    createdAt: new Date().toISOString(),
    errorCode: result.error?.code ?? null,
    totalTokens: result.totalTokens,
    phases: result.phases.map((p) => ({
      phase: p.phase,
      success: p.success,
      durationMs: p.durationMs,
      tokenCount: p.tokenCount,
      retries: p.retries,
    })),
    cacheHits: slices.filter((slice) => slice.cached).length,
    cacheLookups: slices.length,
    prediction: {
      model: optimize.prediction.model,
      testDurationMs: optimize.prediction.testDurationMs,
      runs: optimize.prediction.runs,
    },
  };
}
