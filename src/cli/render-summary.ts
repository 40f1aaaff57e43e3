import type { RunResult } from '../orchestrator.js';

/** The phase table, totals and risk of a run (the part of the summary every run has). */
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
      .join('  ')
      .trimEnd();
  const out = ['', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(
    `total ${result.durationMs} ms, ${result.totalTokens} tokens, peak ${result.memoryPeakMb} MB`,
  );
  if (result.risk) {
    out.push(
      `risk: P(break) ${result.risk.pBreak}, blast radius p50 ${result.risk.blastRadius.p50} / p95 ${result.risk.blastRadius.p95} over ${result.risk.simulations} simulations`,
    );
  }
  if (result.diffStat) {
    out.push('', 'changed files:');
    for (const f of result.diffStat.files)
      out.push(`  ${f.file} | +${f.additions} -${f.deletions}`);
    out.push(
      `  ${result.diffStat.files.length} files, +${result.diffStat.additions} -${result.diffStat.deletions}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** What was deliberately left alone, and why (`file:line:col reason: detail`), or nothing. */
export function renderLeftAlone(result: Pick<RunResult, 'leftAlone'>, limit = 50): string {
  const { leftAlone } = result;
  if (leftAlone.length === 0) return '';
  const lines = [`left alone (${leftAlone.length}):`];
  for (const o of leftAlone.slice(0, limit)) {
    lines.push(`  ${o.file}:${o.line}:${o.column}  ${o.reason}${o.detail ? `: ${o.detail}` : ''}`);
  }
  if (leftAlone.length > limit)
    lines.push(`  … and ${leftAlone.length - limit} more (result.json)`);
  return `${lines.join('\n')}\n`;
}
