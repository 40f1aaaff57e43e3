import type { RunEvent } from '../orchestrator.js';

/** Receives a run's events and shows them; `close()` stops the live line (idempotent). */
export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  /** A line of its own, e.g. `starting: …` before the orchestrator has loaded. */
  note(message: string): void;
  close(): void;
}

/** What a phase-end line says: `✔ map (812 ms, 93 context tokens, 1 retry)`. */
export function describePhaseEnd(result: Extract<RunEvent, { type: 'phase-end' }>['result']) {
  const retries = result.retries > 0 ? `, ${result.retries} retries` : '';
  return `${result.success ? '✔' : '✘'} ${result.phase} (${formatMs(result.durationMs)}, ${result.tokenCount} context tokens${retries})`;
}

/** `812 ms`, `14.2 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
