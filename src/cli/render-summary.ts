import type { RunResult } from '../orchestrator.js';

/**
 * The phase table, totals and risk of a run (the part of the summary every run has). The
 * "context" column counts each phase's context pack (cl100k_base); when a model was asked, its
 * step comes first and "model in"/"model out" give the API's usage figures.
 */
export function renderSummary(result: RunResult): string {
  const model = result.modelTokens.phases.length > 0 ? result.modelTokens : undefined;
  const header = [
    'phase',
    'status',
    'ms',
    'context',
    ...(model ? ['model in', 'model out'] : []),
    'retries',
  ];
  const modelRows = (model?.phases ?? []).map((usage) => [
    usage.phase,
    'ok',
    String(usage.durationMs),
    String(usage.promptTokens),
    String(usage.inputTokens),
    String(usage.outputTokens),
    String(usage.calls - 1),
  ]);
  const rows = [
    ...modelRows,
    ...result.phases.map((p) => [
      p.phase,
      p.success ? 'ok' : 'failed',
      String(p.durationMs),
      String(p.tokenCount),
      ...(model ? ['0', '0'] : []),
      String(p.retries),
    ]),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = ['', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(
    `total ${result.durationMs} ms, ${result.totalTokens} context tokens, peak ${result.memoryPeakMb} MB`,
    `context: tokens of each phase's context pack (cl100k_base), held to CLAUDE_CODE_THINKING_BUDGET_TOKENS per phase and 7× that per run${model ? '; the intent row is the model prompts sent' : ''}`,
  );
  if (model) {
    const counted = model.phases.some((p) => p.usageFrom === 'counted');
    out.push(
      `model: ${model.inputTokens} input + ${model.outputTokens} output tokens (${model.phases.map((p) => `${p.planner} ${p.model}`).join(', ')}; ${counted ? 'counted here: the API reports no usage' : "the API's usage figures"})`,
    );
  }
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
  if (result.writes) {
    const { filesystemServer, direct } = result.writes;
    out.push(
      `writes: ${filesystemServer} through the filesystem server${direct.length > 0 ? `, ${direct.length} written directly:` : ''}`,
      ...direct.map(({ file, reason }) => `  ${file}: ${reason}`),
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
