import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltEntry } from './ensure-built-entry.js';
import { runEntryProbe } from './run-entry-probe.js';

describe.runIf(process.platform === 'linux')('the built package entry point', () => {
  beforeAll(() => ensureBuiltEntry(), 300_000);

  it('is importable by the package name from a file inside the package root, and samples', async () => {
    const run = await runEntryProbe();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      samples: number;
      state: string;
      stats: { thresholdRatio: number; treeRssMb: number; fallbackSamples: number };
    };
    expect(report.state).toBe('sampling');
    expect(report.samples).toBeGreaterThanOrEqual(5);
    expect(report.stats).toMatchObject({ thresholdRatio: 0.7, fallbackSamples: 0 });
    expect(report.stats.treeRssMb).toBeGreaterThan(10);
  });

  it('lets the process exit while the sampling timer is still running', async () => {
    const run = await runEntryProbe({ ORCHESTRATOR_MEMORY_THRESHOLD: '0.9' });
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull(); // not killed by the 20 s limit
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      state: 'sampling',
      stats: { thresholdRatio: 0.9 },
    });
    expect(run.elapsedMs).toBeLessThan(15_000);
  });

  it.each(['abc', '0', '1.5'])(
    'fails at construction with a message naming ORCHESTRATOR_MEMORY_THRESHOLD=%s',
    async (value) => {
      const run = await runEntryProbe({ ORCHESTRATOR_MEMORY_THRESHOLD: value });
      expect(run.stderr).toContain(`ORCHESTRATOR_MEMORY_THRESHOLD="${value}" is not valid`);
      expect(run.stderr).toContain('INVALID_SETTING');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
    },
  );
});
