import { describe, expect, it } from 'vitest';
import { toEffectivePlan, withTestTimeout } from '../../../src/orchestrator/plan-overrides.js';
import { createPlan } from './plan-fixture.js';

describe('withTestTimeout', () => {
  it("sets EXECUTE's test_timeout_ms and keeps its other fields and the other phases", () => {
    const phases = [{ phase: 'map', targets: ['ripgrep'] }, { phase: 'execute' }];
    expect(withTestTimeout(phases, 2500)).toEqual([
      { phase: 'map', targets: ['ripgrep'] },
      { phase: 'execute', test_timeout_ms: 2500 },
    ]);
    expect(phases[1]).toEqual({ phase: 'execute' });
  });

  it('adds an EXECUTE entry to a list without one, and changes nothing without a timeout', () => {
    expect(withTestTimeout([{ phase: 'map' }], 1000)).toEqual([
      { phase: 'map' },
      { phase: 'execute', test_timeout_ms: 1000 },
    ]);
    expect(withTestTimeout([{ phase: 'execute', test_timeout_ms: 5 }], undefined)).toEqual([
      { phase: 'execute', test_timeout_ms: 5 },
    ]);
  });
});

describe('toEffectivePlan', () => {
  it('puts --test-command into the test node and --test-timeout into the phases', () => {
    const effective = toEffectivePlan(createPlan(), {
      testCommand: ['sh', '-c', 'make test'],
      testTimeoutMs: 30_000,
    });
    expect(effective.node('test')?.command).toEqual(['sh', '-c', 'make test']);
    expect(effective.data.phases).toContainEqual({ phase: 'execute', test_timeout_ms: 30_000 });
  });

  it('returns the same plan when the run overrides nothing', () => {
    const plan = createPlan();
    expect(toEffectivePlan(plan, {})).toBe(plan);
  });
});
