import { createHash } from 'node:crypto';
import { escapeHtml, formatMs, section } from './html.js';
import type { RunFiles } from './load-run-files.js';
import { renderDag } from './render-dag.js';
import { renderDiff } from './render-diff.js';
import { renderHistogram } from './render-histogram.js';
import { renderMemory } from './render-memory.js';
import { renderTimeline } from './render-timeline.js';
import { renderTokens, toPhaseTokens } from './render-tokens.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_CSS } from './report-style.js';
import { toTimeline } from './to-timeline.js';

/**
 * The page's policy: it may load nothing (no network, no other file); only its own inline style
 * and its one script, allowed by hash. A browser refuses anything else and says so.
 */
export function toContentSecurityPolicy(script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * The whole report of one run as one self-contained HTML page: a summary, then the phase
 * timeline with its tool calls, tokens per phase against the budget, the Monte Carlo
 * blast-radius histogram, memory over the run, the plan's DAG and the diff. Each section says
 * so when its file is missing. Pure: same files, same page.
 */
export function renderReport(files: RunFiles): string {
  const timeline = toTimeline(files.trace);
  const { result, plan } = files;
  const command = result?.command ?? plan?.command ?? 'unknown command';
  const runId = result?.runId ?? (timeline?.run['orchestrator.run.id'] as string | undefined);
  const sections = [
    section(
      'timeline',
      'Phase timeline',
      'Each phase attempt, and under it every MCP tool call, model call and subprocess it made; hover a bar for its figures.',
      renderTimeline(timeline),
    ),
    section(
      'tokens',
      'Tokens per phase',
      "Tokens of each phase's context pack against the budget it was held to.",
      renderTokens(toPhaseTokens(timeline, result, plan)),
    ),
    section(
      'blast-radius',
      'Blast radius (MONTE CARLO)',
      'How many files one simulated breakage of the change reaches, over all simulations.',
      renderHistogram(result?.risk),
    ),
    section(
      'memory',
      'Memory over the run',
      'Resident memory sampled by the memory monitor, phases shaded behind it.',
      renderMemory(files.memory, timeline),
    ),
    section(
      'dag',
      "The plan's DAG",
      'The steps of plan.json and what each waits for.',
      renderDag(plan),
    ),
    section(
      'diff',
      'The diff',
      'What the run committed (diff.patch).',
      `<div id="diff-tools" class="diff-tools" hidden><button type="button" data-open="true">open all</button><button type="button" data-open="false">close all</button></div>${renderDiff(files.diff, result?.diffStat)}`,
    ),
  ];
  const title = `mcp-orchestrator run ${runId ?? ''}: ${command}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(toContentSecurityPolicy(REPORT_SCRIPT))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${renderHeader(files, command, runId, timeline?.complete ?? false)}
<main>
${sections.join('\n')}
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function renderHeader(
  files: RunFiles,
  command: string,
  runId: string | undefined,
  traceComplete: boolean,
): string {
  const { result } = files;
  const outcome =
    result === null
      ? '<span class="badge failed">no result</span>'
      : result.success
        ? '<span class="badge ok">succeeded</span>'
        : '<span class="badge failed">failed</span>';
  const facts: string[] = [];
  if (runId !== undefined) facts.push(`run <b>${escapeHtml(runId)}</b>`);
  if (result !== null) {
    facts.push(`took <b>${escapeHtml(formatMs(result.durationMs))}</b>`);
    facts.push(`<b>${result.totalTokens}</b> tokens`);
    facts.push(`memory peak <b>${result.memoryPeakMb} MB</b>`);
    if (result.branch !== null) facts.push(`branch <b>${escapeHtml(result.branch)}</b>`);
    if (result.commit !== null)
      facts.push(`commit <b>${escapeHtml(result.commit.slice(0, 12))}</b>`);
  }
  const error =
    result === null || result.error === null
      ? ''
      : `<p class="error"><b>${escapeHtml(result.error.code)}</b>: ${escapeHtml(result.error.message)}</p>`;
  const notes = [
    ...files.problems,
    ...(files.trace.length > 0 && !traceComplete
      ? [
          'trace.jsonl has no run span: the run did not end normally, its last phase may be cut short.',
        ]
      : []),
  ];
  const list = (items: string[], className: string) =>
    items.length === 0
      ? ''
      : `<ul class="${className}">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  const links = ['timeline', 'tokens', 'blast-radius', 'memory', 'dag', 'diff']
    .map((id) => `<a href="#${id}">${id.replace('-', ' ')}</a>`)
    .join('');
  return `<header><h1>${outcome} <code>${escapeHtml(command)}</code></h1><ul class="facts">${facts.map((f) => `<li>${f}</li>`).join('')}</ul>${error}${list(result?.warnings ?? [], 'warnings')}${list(notes, 'problems')}<nav>${links}</nav></header>`;
}
