import type { MemorySample } from './types.js';

/** How far back growth is measured, in milliseconds. */
export const GC_GROWTH_WINDOW_MS = 5000;
/** Rise of the ratio within the window that counts as fast growth (2 points of the limit). */
export const GC_GROWTH_RATIO = 0.02;
/** Share of the threshold from which memory counts as near it. */
export const GC_NEAR_FRACTION = 0.9;

/**
 * True when the latest sample is near the threshold (at least 90 % of it) and the ratio rose by
 * at least 0.02 within the samples given (those of the growth window, oldest first).
 */
export function isGcAdvisable(recent: readonly MemorySample[], thresholdRatio: number): boolean {
  const latest = recent.at(-1);
  if (latest === undefined || latest.ratio < thresholdRatio * GC_NEAR_FRACTION) return false;
  let lowest = latest.ratio;
  for (const sample of recent) lowest = Math.min(lowest, sample.ratio);
  return latest.ratio - lowest >= GC_GROWTH_RATIO;
}
