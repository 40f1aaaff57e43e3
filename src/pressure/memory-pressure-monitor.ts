import { EventEmitter } from 'node:events';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import type { PressureGauge } from '../core/services.js';
import { GC_GROWTH_WINDOW_MS, isGcAdvisable } from './gc-advice.js';
import { type MemoryPressureMonitorOptions, resolveMonitorOptions } from './resolve-options.js';
import { SampleHistory } from './sample-history.js';
import { createSystemSampler, readOsMemory } from './system-sampler.js';
import type {
  MemoryReading,
  MemorySample,
  MemorySampler,
  MonitorState,
  PressureEvent,
  PressureHistoryEntry,
  PressureMonitorEvents,
  PressureStats,
} from './types.js';

/** Pressure events kept for {@link MemoryPressureMonitor.getPressureEvents}; older ones are dropped. */
export const MAX_KEPT_PRESSURE_EVENTS = 1000;
const AVERAGE_WINDOW_MS = 5000;
const MAX_TIMER_MS = 2_147_483_647;

function cancelled(signal: AbortSignal): OrchestratorError {
  return new OrchestratorError('CANCELLED', 'Waiting for low memory pressure was cancelled.', {
    cause: signal.reason,
  });
}

/**
 * Samples memory pressure in the background, says when to back off, and keeps a history.
 * Pressure is high while the ratio of memory in use to memory we may use is at or above
 * `thresholdRatio`. Emits `'pressure-high'` and `'pressure-low'` on each crossing (after the
 * history is updated) and `'sample'` for every sample. Listeners run synchronously, as with any
 * EventEmitter: an exception in one is not caught.
 *
 * The sampling timer is `unref()`ed: a running monitor never keeps a process alive.
 */
export class MemoryPressureMonitor
  extends EventEmitter<PressureMonitorEvents>
  implements PressureGauge
{
  /** Ratio at or above which pressure is high, in (0, 1). */
  readonly thresholdRatio: number;
  /** Time between two samples, in milliseconds. */
  readonly sampleIntervalMs: number;
  /** Samples kept. */
  readonly historySize: number;
  readonly #sampler: MemorySampler;
  readonly #collectOnSuggest: boolean;
  readonly #history: SampleHistory;
  readonly #events: PressureEvent[] = [];
  #state: MonitorState = 'idle';
  #timer: NodeJS.Timeout | undefined;
  #high = false;
  #eventCount = 0;
  #peakRatio = 0;
  #peakMemoryMb = 0;
  #fallbackSamples = 0;
  #lastFallback: string | null = null;

  /** Throws `INVALID_SETTING` naming the option or environment variable that is bad. */
  constructor(options: MemoryPressureMonitorOptions = {}) {
    super();
    const resolved = resolveMonitorOptions(options);
    this.thresholdRatio = resolved.thresholdRatio;
    this.sampleIntervalMs = resolved.sampleIntervalMs;
    this.historySize = resolved.historySize;
    this.#sampler = resolved.sampler ?? createSystemSampler();
    this.#collectOnSuggest = resolved.collectOnSuggest;
    this.#history = new SampleHistory(resolved.historySize);
  }

  /** `'idle'` before the first `start()`, `'sampling'` while the timer runs, `'stopped'` after `stop()`. */
  get state(): MonitorState {
    return this.#state;
  }

  /** Takes a sample now and then one every `sampleIntervalMs`. Does nothing while already sampling. */
  start(): void {
    if (this.#state === 'sampling') return;
    this.#state = 'sampling';
    this.#timer = setInterval(() => this.sampleNow(), this.sampleIntervalMs);
    this.#timer.unref();
    this.sampleNow();
  }

  /** Stops sampling. Safe to call any number of times; `start()` resumes. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#state === 'sampling') this.#state = 'stopped';
  }

  /** Takes one sample, records it and emits its events. A sampler that throws is replaced by `os` figures for this sample. */
  sampleNow(): MemorySample {
    let reading: MemoryReading;
    try {
      reading = this.#sampler();
    } catch (error) {
      reading = readOsMemory([
        `sampler failed: ${toErrorMessage(error)}; used os.totalmem()/os.freemem()`,
      ]);
    }
    const ratio = reading.limitMb > 0 ? reading.usedMb / reading.limitMb : 0;
    const sample: MemorySample = {
      ...reading,
      timestamp: Date.now(),
      ratio,
      highPressure: ratio >= this.thresholdRatio,
    };
    this.#history.push(sample);
    this.#peakRatio = Math.max(this.#peakRatio, ratio);
    this.#peakMemoryMb = Math.max(this.#peakMemoryMb, sample.treeRssMb);
    if (sample.fallbacks.length > 0) {
      this.#fallbackSamples += 1;
      this.#lastFallback = sample.fallbacks.join('; ');
    }
    const crossing = sample.highPressure === this.#high ? undefined : this.#record(sample);
    if (crossing !== undefined)
      this.emit(crossing.kind === 'high' ? 'pressure-high' : 'pressure-low', crossing);
    this.emit('sample', sample);
    return sample;
  }

  #record(sample: MemorySample): PressureEvent {
    this.#high = sample.highPressure;
    const event: PressureEvent = {
      kind: sample.highPressure ? 'high' : 'low',
      timestamp: sample.timestamp,
      ratio: sample.ratio,
      rssMb: sample.rssMb,
      treeRssMb: sample.treeRssMb,
    };
    this.#eventCount += 1;
    this.#events.push(event);
    if (this.#events.length > MAX_KEPT_PRESSURE_EVENTS) this.#events.shift();
    return event;
  }

  /** The latest sample, taking one when there is none yet. */
  #current(): MemorySample {
    return this.#history.latest() ?? this.sampleNow();
  }

  /** True while the latest sample is at or above the threshold (samples once if none was taken). */
  isPressureHigh(): boolean {
    this.#current();
    return this.#high;
  }

  /** Resident memory of this process and its descendants in the latest sample, in MB. */
  treeRssMb(): number {
    return this.#current().treeRssMb;
  }

  /** Figures of the latest sample and of the history. */
  getStats(): PressureStats {
    const latest = this.#current();
    const recent = this.#history.since(Date.now() - AVERAGE_WINDOW_MS);
    const averageRatio5s =
      recent.length === 0
        ? latest.ratio
        : recent.reduce((sum, sample) => sum + sample.ratio, 0) / recent.length;
    return {
      currentRatio: latest.ratio,
      currentRssMb: latest.rssMb,
      treeRssMb: latest.treeRssMb,
      averageRatio5s,
      peakRatio: this.#peakRatio,
      peakMemoryMb: this.#peakMemoryMb,
      totalSystemMb: latest.limitMb,
      availableMb: latest.availableMb,
      swapMb: latest.swapMb,
      pressureHigh: this.#high,
      pressureEvents: this.#eventCount,
      thresholdRatio: this.thresholdRatio,
      source: latest.source,
      fallbackSamples: this.#fallbackSamples,
      lastFallback: this.#lastFallback,
    };
  }

  /**
   * Samples of the last `seconds` still in the history (at most `historySize`), oldest first.
   * @param seconds window length in seconds. @default 60
   */
  getPressureHistory(seconds = 60): PressureHistoryEntry[] {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `getPressureHistory(seconds=${seconds}): expected a non-negative number of seconds.`,
        { data: { seconds } },
      );
    }
    return this.#history.since(Date.now() - seconds * 1000).map((sample) => ({
      timestamp: sample.timestamp,
      ratio: sample.ratio,
      rssMb: sample.rssMb,
      treeRssMb: sample.treeRssMb,
      highPressure: sample.highPressure,
    }));
  }

  /** Entering and leaving high pressure, oldest first (the latest {@link MAX_KEPT_PRESSURE_EVENTS}). */
  getPressureEvents(): PressureEvent[] {
    return [...this.#events];
  }

  /**
   * Resolves `true` as soon as pressure is low (at once when it already is), `false` when
   * `timeoutMs` passes first. While the monitor is not sampling, it samples every
   * `sampleIntervalMs` for the wait. Rejects with `CANCELLED` when `signal` aborts.
   * The deadline timer is not unref'd: a caller awaiting this keeps its process alive.
   * @param timeoutMs longest wait, in milliseconds (0 to 2147483647)
   */
  waitForLowPressure(timeoutMs: number, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    const { signal } = options;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_TIMER_MS) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `waitForLowPressure(timeoutMs=${timeoutMs}): expected 0 to ${MAX_TIMER_MS} milliseconds.`,
        { data: { timeoutMs } },
      );
    }
    if (signal?.aborted === true) return Promise.reject(cancelled(signal));
    if (!this.isPressureHigh()) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clearTimeout(deadline);
        clearInterval(poll);
        this.off('pressure-low', onLow);
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const onLow = (): void => finish(() => resolve(true));
      const onAbort = (): void => finish(() => reject(cancelled(signal as AbortSignal)));
      const deadline = setTimeout(() => finish(() => resolve(false)), timeoutMs);
      const poll = setInterval(() => {
        if (this.#state !== 'sampling') this.sampleNow();
      }, this.sampleIntervalMs);
      poll.unref();
      this.on('pressure-low', onLow);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * True when memory grows fast near the threshold: the ratio is at least 90 % of the threshold
   * and rose by 0.02 or more within the last 5 seconds. With `collect: true`, also runs
   * `global.gc()` when it is advisable and exposed (`node --expose-gc`).
   * @param options.collect @default the monitor's `collectOnSuggest` option
   */
  suggestGc(options: { collect?: boolean } = {}): boolean {
    const latest = this.#current();
    const advisable = isGcAdvisable(
      this.#history.since(latest.timestamp - GC_GROWTH_WINDOW_MS),
      this.thresholdRatio,
    );
    const gc = (globalThis as { gc?: unknown }).gc;
    const collect = options.collect ?? this.#collectOnSuggest;
    if (advisable && collect && typeof gc === 'function') gc();
    return advisable;
  }
}
