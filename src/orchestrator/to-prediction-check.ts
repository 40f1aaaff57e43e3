import type { PhaseOutputs } from '../core/phase-outputs.js';

/** OPTIMIZE's prediction for a run beside what happened (result.json's `prediction`). */
export interface PredictionCheck {
  /** How the prediction was made: `linear` fit, `median` of a few runs, or `rules` (no history). */
  model: 'linear' | 'median' | 'rules';
  /** Earlier runs the model was fitted to. */
  runs: number;
  /** The test step's wall time, in ms: predicted (`null`: none), actual (`null`: no tests ran). */
  testDurationMs: { predicted: number | null; actual: number | null; errorMs: number | null };
  /** The run's memory peak, in MB: predicted (`null`: none) and measured. */
  memoryPeakMb: { predicted: number | null; actual: number };
}

/**
 * What OPTIMIZE predicted against what the run measured; `null` when the run stopped before
 * OPTIMIZE. `errorMs` is predicted − actual (positive: the prediction was too slow). Pure.
 */
export function toPredictionCheck(
  outputs: Partial<PhaseOutputs>,
  memoryPeakMb: number,
): PredictionCheck | null {
  const prediction = outputs.optimize?.prediction;
  if (!prediction) return null;
  const predicted = prediction.testDurationMs;
  const actual = outputs.execute ? outputs.execute.test.durationMs : null;
  return {
    model: prediction.model,
    runs: prediction.runs,
    testDurationMs: {
      predicted,
      actual,
      errorMs: predicted === null || actual === null ? null : Math.round(predicted - actual),
    },
    memoryPeakMb: { predicted: prediction.memoryPeakMb, actual: memoryPeakMb },
  };
}
