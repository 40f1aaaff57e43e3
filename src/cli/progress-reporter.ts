import type { RunEvent } from '../orchestrator.js';

/** Prints live progress to stderr: each phase as it starts, what it is doing, elapsed time. */
export function createProgressReporter(
  stream: NodeJS.WritableStream = process.stderr,
): (event: RunEvent) => void {
  const started = performance.now();
  const stamp = (): string => `[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
  return (event) => {
    switch (event.type) {
      case 'phase-start':
        stream.write(`${stamp()} ▶ ${event.phase}\n`);
        break;
      case 'progress':
        stream.write(`${stamp()}   ${event.phase}: ${event.message}\n`);
        break;
      case 'warning':
        stream.write(`${stamp()}   ⚠ ${event.message}\n`);
        break;
      case 'phase-end': {
        const r = event.result;
        const mark = r.success ? '✔' : '✘';
        const retries = r.retries > 0 ? `, ${r.retries} retries` : '';
        stream.write(
          `${stamp()} ${mark} ${r.phase} (${r.durationMs} ms, ${r.tokenCount} context tokens${retries})\n`,
        );
        break;
      }
    }
  };
}

/**
 * Prints only warnings, and what a model planner chose, to stderr as they happen (for --json,
 * where stdout is the result).
 */
export function createWarningReporter(
  stream: NodeJS.WritableStream = process.stderr,
): (event: RunEvent) => void {
  return (event) => {
    if (event.type === 'warning') stream.write(`⚠ ${event.message}\n`);
    if (event.type === 'progress' && event.phase === 'intent') {
      stream.write(`intent: ${event.message}\n`);
    }
  };
}
