import { describe, expect, it } from 'vitest';
import { describeBaseline } from '../../../src/phases/execute/run-baseline-tests.js';

const BASE = '0123456789abcdef0123456789abcdef01234567';
const report = { durationMs: 1200, exitCode: 1, passed: false, timedOut: false };

describe('describeBaseline', () => {
  it('says the change breaks tests that pass at the base', () => {
    expect(describeBaseline({ ...report, passed: true, exitCode: 0 }, BASE)).toBe(
      'They pass at the base commit 0123456789ab: this change breaks them.',
    );
  });

  it('says tests failing at the base were failing before', () => {
    expect(describeBaseline(report, BASE)).toBe(
      'They fail (exit code 1) at the base commit 0123456789ab as well: they were failing before this change.',
    );
  });

  it('does not claim a base run cut short by the time limit was failing before', () => {
    const sentence = describeBaseline({ ...report, exitCode: null, timedOut: true }, BASE);
    expect(sentence).toContain('did not finish at the base commit 0123456789ab');
    expect(sentence).toContain('is not known');
    expect(sentence).not.toContain('were failing before');
  });
});
