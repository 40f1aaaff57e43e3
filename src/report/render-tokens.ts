import { ATTR } from '../core/span-attributes.js';
import { FAILED_COLOR, PHASE_COLOR } from './colors.js';
import { escapeHtml, missing, px } from './html.js';
import type { ReportPlan, ReportResult } from './load-run-files.js';
import type { Timeline } from './to-timeline.js';

/** Tokens of one phase's context pack against the budget it was held to. */
export interface PhaseTokens {
  phase: string;
  tokens: number;
  /** The budget it was trimmed to; `null` when the run did not record it. */
  budget: number | null;
  trimmed: boolean;
}

/**
 * Tokens per phase: from the trace's last attempt of each phase (tokens, the budget applied),
 * else from result.json with the plan's per-phase budget. Pure.
 */
export function toPhaseTokens(
  timeline: Timeline | null,
  result: ReportResult | null,
  plan: ReportPlan | null,
): { phases: PhaseTokens[]; runBudget: number | null } {
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  const lastAttempt = new Map<string, Timeline['phases'][number]>();
  for (const phase of timeline?.phases ?? []) lastAttempt.set(phase.phase, phase);
  const names = result?.phases.map((p) => p.phase) ?? [...lastAttempt.keys()];
  const phases = names.map((name): PhaseTokens => {
    const span = lastAttempt.get(name)?.attributes ?? {};
    const fromResult = result?.phases.find((p) => p.phase === name);
    return {
      phase: name,
      tokens: number(span[ATTR.tokens]) ?? fromResult?.tokenCount ?? 0,
      budget: number(span[ATTR.tokenBudget]) ?? plan?.tokenBudget ?? null,
      trimmed: span[ATTR.tokensTrimmed] === true,
    };
  });
  const runBudget =
    [...lastAttempt.values()]
      .map((p) => number(p.attributes[ATTR.runTokenBudget]))
      .find((b) => b !== null) ?? null;
  return { phases, runBudget };
}

/** Bars of tokens per phase inside bars of their budgets, and the run's total against its own. */
export function renderTokens(tokens: ReturnType<typeof toPhaseTokens>): string {
  if (tokens.phases.length === 0) return missing('No phase recorded its tokens.');
  const total = tokens.phases.reduce((sum, p) => sum + p.tokens, 0);
  const rows = [
    ...tokens.phases.map((p) => ({
      label: p.phase,
      tokens: p.tokens,
      budget: p.budget,
      trimmed: p.trimmed,
    })),
    { label: 'run total', tokens: total, budget: tokens.runBudget, trimmed: false },
  ];
  const scale = Math.max(1, ...rows.map((r) => Math.max(r.tokens, r.budget ?? 0)));
  const left = 150;
  const width = 700;
  const row = 26;
  const bars = rows
    .map((r, i) => {
      const y = 8 + i * row;
      const budgetWidth = r.budget === null ? 0 : (r.budget / scale) * width;
      const usedWidth = (r.tokens / scale) * width;
      const over = r.budget !== null && r.tokens > r.budget;
      const share =
        r.budget === null
          ? 'no budget recorded'
          : `${Math.round((r.tokens / r.budget) * 100)}% of ${r.budget}`;
      const note = `${r.tokens} tokens — ${share}${r.trimmed ? ', trimmed to fit' : ''}`;
      return `<g class="token-row" data-phase="${escapeHtml(r.label)}"><text x="4" y="${px(y + 14)}" class="row-label">${escapeHtml(r.label)}</text>${
        r.budget === null
          ? ''
          : `<rect x="${left}" y="${px(y)}" width="${px(budgetWidth)}" height="18" class="budget"><title>budget ${r.budget} tokens</title></rect>`
      }<rect x="${left}" y="${px(y + 3)}" width="${px(Math.max(1, usedWidth))}" height="12" fill="${over || r.trimmed ? FAILED_COLOR : PHASE_COLOR}"><title>${escapeHtml(note)}</title></rect><text x="${px(left + Math.max(budgetWidth, usedWidth) + 6)}" y="${px(y + 14)}" class="bar-label">${escapeHtml(note)}</text></g>`;
    })
    .join('');
  const height = 16 + rows.length * row;
  return `<svg class="chart" id="tokens-chart" viewBox="0 0 1080 ${height}" width="1080" height="${height}" role="img" aria-label="Tokens per phase against the budget">${bars}</svg>`;
}
