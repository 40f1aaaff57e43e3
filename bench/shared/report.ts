import type { RunResult } from 'mcp-orchestrator';

/** One aligned line of a bench's report: a label, milliseconds and a note. */
export const row = (label: string, ms: number, note = '') =>
  process.stdout.write(`  ${label.padEnd(42)} ${ms.toFixed(0).padStart(7)} ms${note}\n`);

export const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** What EXECUTE reports of a run's tests and compile check, and the run outside the tests. */
export function toExecuteTimes(result: RunResult): {
  testMs: number;
  compileMs: number;
  compileDescription: string;
  outsideTestsMs: number;
} {
  const execute = result.phases.find((p) => p.phase === 'execute')?.data as
    | { test?: { durationMs?: number }; compile?: { description?: string; durationMs?: number } }
    | undefined;
  const testMs = execute?.test?.durationMs ?? 0;
  const compileMs = execute?.compile?.durationMs ?? 0;
  // The compile check runs beside the tests: only what it takes beyond them counts.
  const outsideTestsMs = result.durationMs - Math.max(testMs, compileMs);
  return {
    testMs,
    compileMs,
    compileDescription: execute?.compile?.description ?? 'none',
    outsideTestsMs,
  };
}

/**
 * Prints each phase's time, the total, the tests alone, the compile check and the run outside
 * them (against `outsideTargetMs` when there is one).
 */
export function printPhases(
  result: RunResult,
  outsideTargetMs?: number,
): ReturnType<typeof toExecuteTimes> {
  const times = toExecuteTimes(result);
  for (const p of result.phases) row(p.phase, p.durationMs);
  row('total', result.durationMs);
  row('  tests alone', times.testMs);
  row('  compile check (beside the tests)', times.compileMs, `  (${times.compileDescription})`);
  const target =
    outsideTargetMs === undefined
      ? ''
      : `  (target ≤ ${outsideTargetMs} ms: ${met(times.outsideTestsMs <= outsideTargetMs)})`;
  row('  outside the tests', times.outsideTestsMs, target);
  return times;
}
