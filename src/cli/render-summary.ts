import type { RunResult } from '../orchestrator.js';

/** The final report: phase table, risk, diff stat, branch and commit (or the error). */
export function renderSummary(result: RunResult): string {
  const header = ['phase', 'status', 'ms', 'tokens', 'retries'];
  const rows = result.phases.map((p) => [
    p.phase,
    p.success ? 'ok' : 'failed',
    String(p.durationMs),
    String(p.tokenCount),
    String(p.retries),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  const out = ['', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(
    `total ${result.durationMs} ms, ${result.totalTokens} tokens, peak ${result.memoryPeakMb} MB`,
  );
  if (result.risk) {
    out.push(
      `risk: P(break) ${result.risk.pBreak}, blast radius p50 ${result.risk.blastRadius.p50} / p95 ${result.risk.blastRadius.p95} over ${result.risk.simulations} simulations`,
    );
  }
  const test = result.prediction?.testDurationMs;
  if (test && test.predicted !== null && test.actual !== null) {
    out.push(
      `tests: predicted ${test.predicted} ms (${result.prediction?.model} model over ${result.prediction?.runs} runs), took ${test.actual} ms`,
    );
  }
  if (result.diffStat) {
    out.push('', 'diff:');
    for (const f of result.diffStat.files)
      out.push(`  ${f.file} | +${f.additions} -${f.deletions}`);
    out.push(
      `  ${result.diffStat.files.length} files, +${result.diffStat.additions} -${result.diffStat.deletions}`,
    );
  }
  for (const warning of result.warnings) out.push(`warning: ${warning}`);
  if (result.success) {
    if (result.branch) out.push('', `branch ${result.branch} at ${result.commit}`);
    if (result.pr?.url) out.push(`pull request #${result.pr.number}: ${result.pr.url}`);
    if (!result.branch && result.plan)
      out.push('', `plan written to ${result.plan} (dry run: nothing else changed)`);
  } else if (result.error) {
    out.push('', `error [${result.error.code}]: ${result.error.message}`);
  }
  out.push(`run folder ${result.runDir}`);
  return `${out.join('\n')}\n`;
}
