import type { PressureGauge } from '../core/services.js';

/** One backoff under memory pressure, as a phase result records it. */
export interface PressureBackoff {
  /** When the backoff began, in milliseconds since the Unix epoch. */
  startedAt: number;
  /** Time spent waiting for low pressure, in milliseconds. */
  waitedMs: number;
  /** True when pressure went low within the wait; false when the caller goes on degraded. */
  recovered: boolean;
  parallelismBefore: number;
  parallelismAfter: number;
  /** What `suggestGc()` answered. */
  gcSuggested: boolean;
  /** Resident memory of the process tree when the backoff ended, in MB. */
  treeRssMb: number;
}

/** Options of {@link backOffUnderPressure}. */
export interface BackOffOptions {
  /** Parallelism in use now. */
  parallelism: number;
  /** Longest wait for low pressure, in milliseconds. @default 10000 */
  waitTimeoutMs?: number;
  /** Parallelism never goes below this. @default 1 */
  minParallelism?: number;
  signal?: AbortSignal;
}

/**
 * What the engine does before a phase and inside long loops: when pressure is high, waits for
 * low pressure (bounded, then goes on degraded), halves the parallelism and asks for a GC.
 * Returns `null` when pressure is low (nothing to do), else the backoff to record.
 * Rejects with `CANCELLED` when `signal` aborts during the wait.
 */
export async function backOffUnderPressure(
  gauge: PressureGauge,
  options: BackOffOptions,
): Promise<PressureBackoff | null> {
  if (!gauge.isPressureHigh()) return null;
  const startedAt = Date.now();
  const recovered = await gauge.waitForLowPressure(options.waitTimeoutMs ?? 10_000, {
    signal: options.signal,
  });
  const minParallelism = options.minParallelism ?? 1;
  return {
    startedAt,
    waitedMs: Date.now() - startedAt,
    recovered,
    parallelismBefore: options.parallelism,
    parallelismAfter: Math.max(minParallelism, Math.floor(options.parallelism / 2)),
    gcSuggested: gauge.suggestGc(),
    treeRssMb: gauge.treeRssMb(),
  };
}
