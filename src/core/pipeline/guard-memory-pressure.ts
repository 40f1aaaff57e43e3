import type { Backoff, PhaseContext } from '../phase.js';

/** Longest wait for memory pressure to clear before a phase goes on degraded. */
export const PRESSURE_WAIT_MS = 5_000;

/**
 * When memory pressure is high: wait (bounded) for it to clear, halve the parallelism and
 * suggest GC. Returns the backoff taken, or undefined when pressure was low.
 */
export async function guardMemoryPressure(context: PhaseContext): Promise<Backoff | undefined> {
  const pressure = context.pressure;
  if (!pressure?.isPressureHigh()) return undefined;
  const started = performance.now();
  const gcSuggested = pressure.suggestGc();
  const pressureCleared = await pressure.waitForLowPressure(PRESSURE_WAIT_MS, {
    signal: context.signal,
  });
  const parallelismBefore = context.parallelism;
  context.parallelism = Math.max(1, Math.floor(parallelismBefore / 2));
  const backoff: Backoff = {
    waitedMs: Math.round(performance.now() - started),
    pressureCleared,
    parallelismBefore,
    parallelismAfter: context.parallelism,
    gcSuggested,
  };
  context.warn(
    `Memory pressure high: waited ${backoff.waitedMs} ms (${pressureCleared ? 'cleared' : 'still high, going on degraded'}), parallelism ${parallelismBefore} → ${context.parallelism}.`,
  );
  return backoff;
}
