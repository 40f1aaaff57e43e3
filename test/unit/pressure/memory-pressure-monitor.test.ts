import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import type { PressureGauge } from '../../../src/core/services.js';
import { MemoryPressureMonitor, type PressureEvent } from '../../../src/pressure/index.js';
import { createScriptedSampler } from '../../fixtures/pressure/scripted-sampler.js';

const START = Date.UTC(2026, 0, 1);

describe('MemoryPressureMonitor with an injected sampler', () => {
  const monitors: MemoryPressureMonitor[] = [];
  const create = (ratio: number, options: { historySize?: number } = {}) => {
    const scripted = createScriptedSampler(ratio);
    const monitor = new MemoryPressureMonitor({
      sampler: scripted.sampler,
      thresholdRatio: 0.7,
      sampleIntervalMs: 250,
      ...options,
    });
    monitors.push(monitor);
    return { monitor, scripted };
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    for (const monitor of monitors.splice(0)) monitor.stop();
    vi.useRealTimers();
  });

  it('samples at once on start and then every interval', () => {
    const { monitor, scripted } = create(0.5);
    monitor.start();
    expect(scripted.calls()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(scripted.calls()).toBe(5);
    expect(monitor.state).toBe('sampling');
  });

  it('does not start a second timer when started twice', () => {
    const { monitor, scripted } = create(0.5);
    monitor.start();
    monitor.start();
    vi.advanceTimersByTime(1000);
    expect(scripted.calls()).toBe(5);
  });

  it('stops sampling on stop, may be stopped twice, and resumes on start', () => {
    const { monitor, scripted } = create(0.5);
    monitor.start();
    monitor.stop();
    monitor.stop();
    expect(monitor.state).toBe('stopped');
    vi.advanceTimersByTime(5000);
    expect(scripted.calls()).toBe(1);
    monitor.start();
    vi.advanceTimersByTime(250);
    expect(scripted.calls()).toBe(3);
  });

  it('unrefs its sampling timer', () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const { monitor } = create(0.5);
    monitor.start();
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    spy.mockRestore();
    expect(timer.hasRef()).toBe(false);
  });

  it('enters and leaves high pressure across the threshold, with events carrying time, ratio and RSS', () => {
    const { monitor, scripted } = create(0.5);
    const seen: Array<[string, PressureEvent]> = [];
    monitor.on('pressure-high', (event) => seen.push(['high', event]));
    monitor.on('pressure-low', (event) => seen.push(['low', event]));
    monitor.start();
    expect(monitor.isPressureHigh()).toBe(false);

    scripted.set({ ratio: 0.7, treeRssMb: 900, rssMb: 120 });
    vi.advanceTimersByTime(250);
    expect(monitor.isPressureHigh()).toBe(true);
    vi.advanceTimersByTime(250); // still high: no second event
    scripted.set({ ratio: 0.69 });
    vi.advanceTimersByTime(250);
    expect(monitor.isPressureHigh()).toBe(false);

    expect(seen.map(([name]) => name)).toEqual(['high', 'low']);
    expect(seen[0]?.[1]).toEqual({
      kind: 'high',
      timestamp: START + 250,
      ratio: 0.7,
      rssMb: 120,
      treeRssMb: 900,
    });
    expect(seen[1]?.[1]).toMatchObject({ kind: 'low', timestamp: START + 750, ratio: 0.69 });
    expect(monitor.getPressureEvents()).toEqual(seen.map(([, event]) => event));
    expect(monitor.getStats().pressureEvents).toBe(2);
  });

  it("emits 'sample' for every sample with its ratio", () => {
    const { monitor, scripted } = create(0.25);
    const ratios: number[] = [];
    monitor.on('sample', (sample) => ratios.push(sample.ratio));
    monitor.start();
    scripted.set({ ratio: 0.75 });
    vi.advanceTimersByTime(250);
    expect(ratios).toEqual([0.25, 0.75]);
  });

  it('returns only the samples of the asked window, bounded by the history size', () => {
    const { monitor, scripted } = create(0.1, { historySize: 8 });
    monitor.start();
    for (let step = 1; step <= 11; step += 1) {
      scripted.set({ ratio: 0.1 + step * 0.01 });
      vi.advanceTimersByTime(250);
    }
    // 12 samples taken over 2.75 s; the ring keeps 8 (t = 0.75 s … 2.75 s).
    const all = monitor.getPressureHistory(60);
    expect(all).toHaveLength(8);
    expect(all[0]?.timestamp).toBe(START + 1000);
    expect(all.at(-1)?.ratio).toBeCloseTo(0.21);
    const lastSecond = monitor.getPressureHistory(1);
    expect(lastSecond.map((entry) => entry.timestamp - START)).toEqual([
      1750, 2000, 2250, 2500, 2750,
    ]);
    expect(lastSecond[0]).toEqual({
      timestamp: START + 1750,
      ratio: expect.closeTo(0.17, 5),
      rssMb: 100,
      treeRssMb: 300,
      highPressure: false,
    });
  });

  it('refuses a negative history window', () => {
    const { monitor } = create(0.5);
    expect(() => monitor.getPressureHistory(-1)).toThrow(/seconds=-1/);
    expect(monitor.getPressureHistory(0)).toEqual([]);
  });

  it('averages the ratio over the last 5 seconds and keeps the peaks', () => {
    const { monitor, scripted } = create(0.9);
    monitor.start(); // t=0: 0.9, falls out of the 5 s window later
    scripted.set({ treeRssMb: 2000 });
    vi.advanceTimersByTime(250);
    scripted.set({ ratio: 0.2, treeRssMb: 400 });
    vi.advanceTimersByTime(6000 - 250);
    // Window [1000, 6000]: 21 samples, all 0.2.
    const stats = monitor.getStats();
    expect(stats.averageRatio5s).toBeCloseTo(0.2);
    expect(stats.currentRatio).toBeCloseTo(0.2);
    expect(stats.peakRatio).toBeCloseTo(0.9);
    expect(stats.peakMemoryMb).toBe(2000);
    expect(stats.treeRssMb).toBe(400);
    expect(stats.totalSystemMb).toBe(1000);
    expect(stats.availableMb).toBeCloseTo(800);
    expect(stats.thresholdRatio).toBe(0.7);
    expect(stats.pressureHigh).toBe(false);
    scripted.set({ ratio: 0.5 });
    vi.advanceTimersByTime(2500);
    // Window [3500, 8500]: 11 samples at 0.2 (3500…6000) and 10 at 0.5 (6250…8500).
    const mean = (11 * 0.2 + 10 * 0.5) / 21;
    expect(monitor.getStats().averageRatio5s).toBeCloseTo(mean);
  });

  it('resolves waitForLowPressure true as soon as pressure drops', async () => {
    const { monitor, scripted } = create(0.8);
    monitor.start();
    const waiting = monitor.waitForLowPressure(10_000);
    vi.advanceTimersByTime(500);
    scripted.set({ ratio: 0.4 });
    vi.advanceTimersByTime(250);
    await expect(waiting).resolves.toBe(true);
    expect(Date.now() - START).toBe(750);
    expect(vi.getTimerCount()).toBe(1); // only the sampling timer is left
  });

  it('resolves waitForLowPressure true at once when pressure is already low', async () => {
    const { monitor } = create(0.3);
    await expect(monitor.waitForLowPressure(0)).resolves.toBe(true);
  });

  it('resolves waitForLowPressure false at the timeout while pressure stays high', async () => {
    const { monitor } = create(0.95);
    monitor.start();
    const waiting = monitor.waitForLowPressure(1000);
    vi.advanceTimersByTime(999);
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(waiting).resolves.toBe(false);
  });

  it('samples by itself during a wait when the monitor was not started', async () => {
    const { monitor, scripted } = create(0.95);
    const waiting = monitor.waitForLowPressure(5000);
    scripted.set({ ratio: 0.1 });
    vi.advanceTimersByTime(250);
    await expect(waiting).resolves.toBe(true);
    expect(monitor.state).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects waitForLowPressure with CANCELLED when the signal aborts, and cleans up', async () => {
    const { monitor } = create(0.95);
    monitor.start();
    const controller = new AbortController();
    const waiting = monitor.waitForLowPressure(10_000, { signal: controller.signal });
    vi.advanceTimersByTime(300);
    controller.abort(new Error('user pressed Ctrl-C'));
    const error = await waiting.catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
    expect(monitor.listenerCount('pressure-low')).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { monitor } = create(0.1);
    const error = await monitor
      .waitForLowPressure(10, { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
  });

  it('refuses a negative or infinite wait', () => {
    const { monitor } = create(0.1);
    expect(() => monitor.waitForLowPressure(-1)).toThrow(/timeoutMs=-1/);
    expect(() => monitor.waitForLowPressure(Number.POSITIVE_INFINITY)).toThrow(
      /timeoutMs=Infinity/,
    );
  });

  it('suggests GC when memory grows fast near the threshold, not when it is steady or far below', () => {
    const { monitor, scripted } = create(0.3);
    monitor.start();
    scripted.set({ ratio: 0.35 });
    vi.advanceTimersByTime(250);
    expect(monitor.suggestGc()).toBe(false); // growing, but far below 0.9 × 0.7 = 0.63

    scripted.set({ ratio: 0.64 });
    vi.advanceTimersByTime(250);
    expect(monitor.suggestGc()).toBe(true); // near and up 0.34 within 5 s

    vi.advanceTimersByTime(6000);
    expect(monitor.suggestGc()).toBe(false); // steady at 0.64 for the whole window
  });

  it('runs global.gc only when asked, advisable and exposed', () => {
    const gc = vi.fn();
    const global = globalThis as { gc?: unknown };
    const previous = global.gc;
    global.gc = gc;
    try {
      const { monitor, scripted } = create(0.6);
      monitor.start();
      expect(monitor.suggestGc({ collect: true })).toBe(false);
      scripted.set({ ratio: 0.68 });
      vi.advanceTimersByTime(250);
      expect(monitor.suggestGc()).toBe(true);
      expect(gc).not.toHaveBeenCalled();
      expect(monitor.suggestGc({ collect: true })).toBe(true);
      expect(gc).toHaveBeenCalledTimes(1);
    } finally {
      global.gc = previous;
    }
  });

  it('runs global.gc on a plain suggestGc() when created with collectOnSuggest', () => {
    const gc = vi.fn();
    const global = globalThis as { gc?: unknown };
    const previous = global.gc;
    global.gc = gc;
    try {
      const scripted = createScriptedSampler(0.5);
      const monitor = new MemoryPressureMonitor({
        sampler: scripted.sampler,
        env: {},
        collectOnSuggest: true,
      });
      monitors.push(monitor);
      monitor.start();
      scripted.set({ ratio: 0.75 });
      vi.advanceTimersByTime(250);
      expect(monitor.suggestGc()).toBe(true);
      expect(gc).toHaveBeenCalledTimes(1);
      expect(monitor.suggestGc({ collect: false })).toBe(true);
      expect(gc).toHaveBeenCalledTimes(1);
    } finally {
      global.gc = previous;
    }
  });

  it('serves as the PressureGauge the pipeline consults', async () => {
    const { monitor, scripted } = create(0.9);
    const gauge: PressureGauge = monitor;
    scripted.set({ treeRssMb: 777 });
    expect(gauge.isPressureHigh()).toBe(true);
    expect(gauge.treeRssMb()).toBe(777);
    const waiting = gauge.waitForLowPressure(1000, { signal: new AbortController().signal });
    scripted.set({ ratio: 0.1 });
    vi.advanceTimersByTime(250);
    await expect(waiting).resolves.toBe(true);
  });

  it('records a throwing sampler as a fallback and keeps sampling from os figures', () => {
    let fail = true;
    const monitor = new MemoryPressureMonitor({
      sampler: () => {
        if (fail) throw new Error('EACCES: /proc/meminfo');
        return createScriptedSampler(0.5).sampler();
      },
    });
    monitors.push(monitor);
    monitor.start();
    const stats = monitor.getStats();
    expect(stats.source).toBe('os');
    expect(stats.fallbackSamples).toBe(1);
    expect(stats.lastFallback).toMatch(/sampler failed: EACCES: \/proc\/meminfo/);
    expect(stats.currentRatio).toBeGreaterThan(0);
    fail = false;
    vi.advanceTimersByTime(250);
    expect(monitor.getStats().source).toBe('proc-meminfo');
    expect(monitor.getStats().fallbackSamples).toBe(1);
  });

  it('counts samples whose sampler reported a fallback', () => {
    const { monitor, scripted } = create(0.5);
    scripted.set({ fallbacks: ['memory cgroup: EIO; used /proc/meminfo'] });
    monitor.start();
    vi.advanceTimersByTime(500);
    expect(monitor.getStats()).toMatchObject({
      fallbackSamples: 3,
      lastFallback: 'memory cgroup: EIO; used /proc/meminfo',
    });
  });

  it('answers queries before start by taking one sample, and reports the tree RSS', () => {
    const { monitor, scripted } = create(0.8);
    scripted.set({ treeRssMb: 1234 });
    expect(monitor.isPressureHigh()).toBe(true);
    expect(monitor.treeRssMb()).toBe(1234);
    expect(scripted.calls()).toBe(1);
  });
});
