import { createSeededRandom, quantile } from '../../core/random.js';
import type { BreakageModel } from './breakage-model.js';

/** Simulations per batch; the loop checks time, convergence and the signal between batches. */
const BATCH = 2_000;
const MIN_SIMULATIONS = 10_000;
const MAX_SIMULATIONS = 2_000_000;
/** Converged when the standard error of P(break) is below this (±1 point at 95%). */
const TARGET_STANDARD_ERROR = 0.005;

export interface SimulationResult {
  simulations: number;
  converged: boolean;
  pBreak: number;
  pBreakUncovered: number;
  blastRadius: { p50: number; p95: number; max: number };
  /** How many simulations broke each number of files (counts above 0 only), fewest files first. */
  radiusHistogram: Array<{ files: number; simulations: number }>;
  breakFrequency: number[];
}

/**
 * Seeded Monte Carlo: each run breaks files by their own chance, spreads breaks along importer
 * edges by weight, and records how many files broke and whether any was outside test coverage.
 * Stops when P(break) has converged, at `durationLimitMs`, or when `signal` aborts.
 */
export async function simulateBreakage(
  model: BreakageModel,
  options: { seed: number; durationLimitMs: number; signal: AbortSignal },
): Promise<SimulationResult> {
  const random = createSeededRandom(options.seed);
  const deadline = performance.now() + options.durationLimitMs;
  const n = model.files.length;
  // Only files with their own chance of breaking can start a break: loop over those alone.
  const seeds = model.ownBreak.flatMap((chance, i) => (chance > 0 ? [i] : []));
  const broken = new Uint8Array(n);
  const hit = new Int32Array(n);
  const breakCounts = new Float64Array(n);
  const radii: number[] = [];
  let breaks = 0;
  let uncoveredBreaks = 0;
  let converged = false;
  while (radii.length < MAX_SIMULATIONS) {
    options.signal.throwIfAborted();
    for (let run = 0; run < BATCH; run += 1) {
      let count = 0;
      for (const i of seeds) {
        if (random() < (model.ownBreak[i] ?? 0)) {
          broken[i] = 1;
          hit[count++] = i;
        }
      }
      // `hit` doubles as the work list: everything before `next` has spread already.
      for (let next = 0; next < count; next += 1) {
        for (const spread of model.spreads[hit[next] as number] ?? []) {
          if (!broken[spread.to] && random() < spread.weight) {
            broken[spread.to] = 1;
            hit[count++] = spread.to;
          }
        }
      }
      let uncovered = false;
      for (let k = 0; k < count; k += 1) {
        const i = hit[k] as number;
        broken[i] = 0;
        breakCounts[i] = (breakCounts[i] ?? 0) + 1;
        if (!model.covered[i]) uncovered = true;
      }
      radii.push(count);
      if (count > 0) breaks += 1;
      if (uncovered) uncoveredBreaks += 1;
    }
    const p = breaks / radii.length;
    const standardError = Math.sqrt((p * (1 - p)) / radii.length);
    if (radii.length >= MIN_SIMULATIONS && standardError < TARGET_STANDARD_ERROR) {
      converged = true;
      break;
    }
    if (performance.now() >= deadline) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const total = radii.length;
  radii.sort((a, b) => a - b);
  return {
    simulations: total,
    converged,
    pBreak: breaks / total,
    pBreakUncovered: uncoveredBreaks / total,
    blastRadius: {
      p50: quantile(radii, 0.5),
      p95: quantile(radii, 0.95),
      max: radii[total - 1] ?? 0,
    },
    radiusHistogram: toHistogram(radii),
    breakFrequency: Array.from(breakCounts, (count) => count / total),
  };
}

/** Counts of equal values in sorted `radii`. */
function toHistogram(radii: readonly number[]): SimulationResult['radiusHistogram'] {
  const histogram: SimulationResult['radiusHistogram'] = [];
  for (const files of radii) {
    const last = histogram.at(-1);
    if (last?.files === files) last.simulations += 1;
    else histogram.push({ files, simulations: 1 });
  }
  return histogram;
}
