import { totalmem } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPressureMonitor } from '../../../src/pressure/index.js';
import { type MemoryHolder, spawnMemoryHolder } from './spawn-memory-holder.js';

const MB = 1024 * 1024;

describe.runIf(process.platform === 'linux')('MemoryPressureMonitor on this Linux machine', () => {
  const holders: MemoryHolder[] = [];
  const monitors: MemoryPressureMonitor[] = [];
  afterEach(async () => {
    for (const monitor of monitors.splice(0)) monitor.stop();
    await Promise.allSettled(holders.splice(0).map((holder) => holder.kill()));
  });

  it('delivers samples at the sampling interval', async () => {
    const monitor = new MemoryPressureMonitor({ sampleIntervalMs: 100 });
    monitors.push(monitor);
    const timestamps: number[] = [];
    monitor.on('sample', (sample) => timestamps.push(sample.timestamp));
    monitor.start();
    await new Promise((resolve) => setTimeout(resolve, 1550));
    monitor.stop();
    const gaps = timestamps.slice(1).map((time, index) => time - (timestamps[index] ?? 0));
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    expect(timestamps.length).toBeGreaterThanOrEqual(12);
    expect(timestamps.length).toBeLessThanOrEqual(17);
    expect(median).toBeGreaterThanOrEqual(95);
    expect(median).toBeLessThanOrEqual(150);
  });

  it('reads real figures without falling back', () => {
    const monitor = new MemoryPressureMonitor();
    monitors.push(monitor);
    const sample = monitor.sampleNow();
    expect(sample.fallbacks).toEqual([]);
    expect(['proc-meminfo', 'cgroup-v1', 'cgroup-v2']).toContain(sample.source);
    expect(sample.ratio).toBeGreaterThan(0);
    expect(sample.ratio).toBeLessThan(1);
    expect(sample.limitMb).toBeLessThanOrEqual(totalmem() / MB + 1);
    expect(sample.rssMb).toBeGreaterThan(10);
    expect(Math.abs(sample.rssMb - process.memoryUsage.rss() / MB)).toBeLessThan(50);
  });

  it('raises treeRssMb by at least 300 MB while a child holds 400 MB', async () => {
    const monitor = new MemoryPressureMonitor();
    monitors.push(monitor);
    const before = monitor.sampleNow();
    holders.push(await spawnMemoryHolder(400));
    const during = monitor.sampleNow();
    expect(during.treeRssMb - before.treeRssMb).toBeGreaterThanOrEqual(300);
    expect(during.rssMb - before.rssMb).toBeLessThan(100);
    await holders[0]?.kill();
    expect(monitor.sampleNow().treeRssMb - before.treeRssMb).toBeLessThan(100);
  });

  it('counts a grandchild in treeRssMb', async () => {
    const monitor = new MemoryPressureMonitor();
    monitors.push(monitor);
    const before = monitor.sampleNow();
    holders.push(await spawnMemoryHolder(200, true));
    expect(monitor.sampleNow().treeRssMb - before.treeRssMb).toBeGreaterThanOrEqual(150);
  });
});
