import { loadWorkspaceStats, type RunStats } from '../orchestrator.js';
import { EXIT_OK } from './exit-codes.js';

/** Flags of `mcp-orchestrator stats`. */
export interface StatsFlags {
  workspace?: string;
  json?: boolean;
}

/** Runs `stats`: prints the run-history figures (JSON with `--json`) and returns the exit code. */
export async function runStats(flags: StatsFlags, signal: AbortSignal): Promise<number> {
  const stats = await loadWorkspaceStats(flags.workspace ?? process.cwd(), {
    signal,
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  process.stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats));
  return EXIT_OK;
}

const runsOf = (count: number): string => `${count} run${count === 1 ? '' : 's'}`;
const percent = (share: number | null): string =>
  share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;

/** The figures as lines people read. */
export function renderStats(stats: RunStats): string {
  if (stats.runs === 0) return `No runs recorded yet in ${stats.history}.\n`;
  const lines = [
    `${runsOf(stats.runs)}, ${percent(stats.successRate)} successful (${stats.history})`,
  ];
  if (stats.durationMs) {
    lines.push(`run time: median ${ms(stats.durationMs.median)}, p95 ${ms(stats.durationMs.p95)}`);
  }
  lines.push(`cache hit rate: ${percent(stats.cacheHitRate)}`);
  if (stats.tokensPerRun) {
    lines.push(
      `tokens per run: mean ${stats.tokensPerRun.mean}, median ${stats.tokensPerRun.median}`,
    );
  }
  const error = stats.predictionError;
  lines.push(
    error === null
      ? 'test time predictions: none checked yet'
      : `test time predictions over ${runsOf(error.runs)}: mean error ${ms(error.meanAbsoluteMs)}, median ${ms(error.medianAbsoluteMs)}${error.meanAbsolutePercent === null ? '' : `, ${error.meanAbsolutePercent}% of the actual time on average`}`,
  );
  lines.push('', 'phase            runs   median      p95');
  for (const p of stats.phases) {
    lines.push(
      `${p.phase.padEnd(16)} ${String(p.runs).padStart(4)} ${ms(p.medianMs).padStart(8)} ${ms(p.p95Ms).padStart(8)}`,
    );
  }
  lines.push('', 'slowest phases:');
  for (const p of stats.slowestPhases) {
    lines.push(`  ${ms(p.durationMs).padStart(8)}  ${p.phase} of "${p.command}" (${p.runId})`);
  }
  lines.push('', 'by kind:');
  for (const k of stats.byKind) {
    lines.push(
      `  ${k.kind} (${k.language}): ${runsOf(k.runs)}, ${percent(k.successRate)} successful`,
    );
  }
  return `${lines.join('\n')}\n`;
}
