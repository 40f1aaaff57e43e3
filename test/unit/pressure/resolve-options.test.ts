import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { MemoryPressureMonitor } from '../../../src/pressure/index.js';

function constructionError(options: ConstructorParameters<typeof MemoryPressureMonitor>[0]) {
  try {
    new MemoryPressureMonitor(options);
  } catch (error) {
    return error;
  }
  throw new Error('the constructor did not throw');
}

describe('MemoryPressureMonitor settings', () => {
  it('defaults to a 0.70 threshold, 250 ms interval and 240 samples', () => {
    const monitor = new MemoryPressureMonitor({ env: {} });
    expect([monitor.thresholdRatio, monitor.sampleIntervalMs, monitor.historySize]).toEqual([
      0.7, 250, 240,
    ]);
  });

  it('takes the threshold from ORCHESTRATOR_MEMORY_THRESHOLD, and an option over it', () => {
    const env = { ORCHESTRATOR_MEMORY_THRESHOLD: '0.85' };
    expect(new MemoryPressureMonitor({ env }).thresholdRatio).toBe(0.85);
    expect(new MemoryPressureMonitor({ env, thresholdRatio: 0.5 }).thresholdRatio).toBe(0.5);
  });

  it.each(['abc', '0', '1.5', '-0.2', '1'])(
    'refuses ORCHESTRATOR_MEMORY_THRESHOLD=%s with an error naming the variable',
    (value) => {
      const error = constructionError({ env: { ORCHESTRATOR_MEMORY_THRESHOLD: value } });
      expect(isOrchestratorError(error, 'INVALID_SETTING')).toBe(true);
      expect((error as Error).message).toContain(`ORCHESTRATOR_MEMORY_THRESHOLD="${value}"`);
    },
  );

  it.each([
    [{ sampleIntervalMs: -5 }, 'sampleIntervalMs=-5'],
    [{ sampleIntervalMs: 0 }, 'sampleIntervalMs=0'],
    [{ sampleIntervalMs: 2.5 }, 'sampleIntervalMs=2.5'],
    [{ historySize: 0 }, 'historySize=0'],
    [{ thresholdRatio: 1.5 }, 'thresholdRatio=1.5'],
    [{ thresholdRatio: Number.NaN }, 'thresholdRatio=NaN'],
  ])('refuses %o with an error naming the option', (options, named) => {
    const error = constructionError({ env: {}, ...options });
    expect(isOrchestratorError(error, 'INVALID_SETTING')).toBe(true);
    expect((error as Error).message).toContain(named);
  });

  it('refuses a sampler that is not a function', () => {
    const error = constructionError({ sampler: 'proc' as never });
    expect((error as Error).message).toContain('option sampler');
  });
});
