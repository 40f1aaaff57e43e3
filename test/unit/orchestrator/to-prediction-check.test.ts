import { describe, expect, it } from 'vitest';
import type { PhaseOutputs } from '../../../src/core/phase-outputs.js';
import { toPredictionCheck } from '../../../src/orchestrator/to-prediction-check.js';

const optimize = (
  prediction: Partial<PhaseOutputs['optimize']['prediction']>,
): PhaseOutputs['optimize'] => ({
  parallelism: 2,
  batchSize: 4,
  testTimeoutMs: 60_000,
  testCommand: ['npm', 'test'],
  prediction: { model: 'linear', runs: 6, testDurationMs: 1500, memoryPeakMb: 210, ...prediction },
  reasons: [],
});

const executed = (durationMs: number) =>
  ({ test: { durationMs } }) as unknown as PhaseOutputs['execute'];

describe('toPredictionCheck', () => {
  it('puts the predicted test time and memory peak beside the measured ones', () => {
    expect(toPredictionCheck({ optimize: optimize({}), execute: executed(1200) }, 180.5)).toEqual({
      model: 'linear',
      runs: 6,
      testDurationMs: { predicted: 1500, actual: 1200, errorMs: 300 },
      memoryPeakMb: { predicted: 210, actual: 180.5 },
    });
  });

  it('has an error only when both a prediction and a test time exist', () => {
    const rules = toPredictionCheck(
      { optimize: optimize({ model: 'rules', runs: 0, testDurationMs: null, memoryPeakMb: null }) },
      90,
    );
    expect(rules?.testDurationMs).toEqual({ predicted: null, actual: null, errorMs: null });
    expect(
      toPredictionCheck({ optimize: optimize({}), execute: executed(900) }, 1)?.testDurationMs
        .errorMs,
    ).toBe(600);
  });

  it('is null for a run that stopped before OPTIMIZE', () => {
    expect(toPredictionCheck({}, 50)).toBeNull();
  });
});
