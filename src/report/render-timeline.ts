import { ATTR } from '../core/span-attributes.js';
import {
  createColorScale,
  FAILED_COLOR,
  MODEL_COLOR,
  PHASE_COLOR,
  PROCESS_COLOR,
} from './colors.js';
import { clip, escapeHtml, formatBytes, formatMs, missing, niceTicks, px } from './html.js';
import { type Timeline, type TimelineSpan, toToolCallSummaries } from './to-timeline.js';

/** Width of the charts drawn on the run's time axis, and of their label column, in px. */
export const CHART_WIDTH = 1080;
export const LABEL_WIDTH = 150;
const PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - 20;
const PHASE_ROW = 24;
const LANE = 14;
const MAX_LANES = 6;
const AXIS = 26;
/** Bars drawn under one phase at most; a page of 200k bars is too heavy to open. */
export const MAX_BARS_PER_ROW = 2_000;

/**
 * The spans of a row that are drawn: all of them, or, past {@link MAX_BARS_PER_ROW}, the
 * failed ones and then the longest, in time order. The tables still count every span. Pure.
 */
export function toDrawnSpans(spans: readonly TimelineSpan[]): TimelineSpan[] {
  if (spans.length <= MAX_BARS_PER_ROW) return [...spans];
  const ranked = [...spans].sort(
    (a, b) => Number(b.failed) - Number(a.failed) || b.durationMs - a.durationMs,
  );
  return ranked.slice(0, MAX_BARS_PER_ROW).sort((a, b) => a.startMs - b.startMs);
}

/** x of `ms` on the run's time axis. */
export function timeX(ms: number, totalMs: number): number {
  return LABEL_WIDTH + (totalMs > 0 ? (ms / totalMs) * PLOT_WIDTH : 0);
}

/** The time axis (ticks and labels) of a chart `height` px tall. */
export function renderTimeAxis(totalMs: number, height: number): string {
  return niceTicks(totalMs, 10)
    .map((tick) => {
      const x = px(timeX(tick, totalMs));
      return `<line x1="${x}" x2="${x}" y1="${AXIS - 6}" y2="${height}" class="grid"/><text x="${x}" y="${AXIS - 10}" class="tick" text-anchor="middle">${escapeHtml(formatMs(tick))}</text>`;
    })
    .join('');
}

/** The phase timeline: one bar per phase attempt, and under it its tool calls and subprocesses. */
export function renderTimeline(timeline: Timeline | null): string {
  if (timeline === null) return missing('No trace.jsonl in the run folder: nothing to draw.');
  const color = createColorScale();
  const barColor = (span: TimelineSpan): string => {
    if (span.failed) return FAILED_COLOR;
    if (span.kind === 'process') return PROCESS_COLOR;
    if (span.kind === 'llm') return MODEL_COLOR;
    return color(span.group);
  };
  const rows: string[] = [];
  let y = AXIS;
  let leftOut = 0;
  const groups = [
    ...(timeline.outside.length > 0
      ? [{ label: 'servers & run', bar: null, children: timeline.outside }]
      : []),
    ...timeline.phases.map((phase) => ({
      label: phase.attempt > 0 ? `${phase.phase} (attempt ${phase.attempt + 1})` : phase.phase,
      bar: phase,
      children: phase.children,
    })),
  ];
  for (const group of groups) {
    rows.push(
      `<text x="4" y="${px(y + 16)}" class="row-label">${escapeHtml(clip(group.label, 22))}</text>`,
    );
    if (group.bar !== null) {
      rows.push(
        bar(
          group.bar,
          y + 3,
          PHASE_ROW - 6,
          group.bar.failed ? FAILED_COLOR : PHASE_COLOR,
          timeline.totalMs,
          'phase-bar',
        ),
      );
      rows.push(durationLabel(group.bar, timeline.totalMs, y + 16));
      y += PHASE_ROW;
    }
    const drawn = toDrawnSpans(group.children);
    leftOut += group.children.length - drawn.length;
    const lanes = packLanes(drawn, timeline.totalMs);
    for (const [index, span] of drawn.entries()) {
      const lane = lanes[index] ?? 0;
      rows.push(
        bar(span, y + lane * LANE + 1, LANE - 3, barColor(span), timeline.totalMs, 'call-bar'),
      );
    }
    y += lanes.reduce((most, lane) => Math.max(most, lane + 1), 0) * LANE + 6;
  }
  const height = y + 4;
  const legend = renderLegend(
    groups.flatMap((g) => g.children),
    barColor,
  );
  const svg = `<svg class="chart" id="timeline-chart" viewBox="0 0 ${CHART_WIDTH} ${px(height)}" width="${CHART_WIDTH}" height="${px(height)}" role="img" aria-label="Phase timeline">${renderTimeAxis(timeline.totalMs, height)}${rows.join('')}</svg>`;
  const cut =
    leftOut === 0
      ? ''
      : `<p class="note">${leftOut} short calls are not drawn (at most ${MAX_BARS_PER_ROW} bars a phase: the failed ones, then the longest); the table counts them all.</p>`;
  return `${svg}${legend}${cut}${renderToolTable(timeline)}${renderProcessTable(timeline)}`;
}

/** A phase's duration right of its bar, or left of it where the bar ends near the edge. */
function durationLabel(span: TimelineSpan, totalMs: number, y: number): string {
  const end = timeX(span.startMs + span.durationMs, totalMs);
  const text = escapeHtml(formatMs(span.durationMs));
  return end > CHART_WIDTH - 70
    ? `<text x="${px(timeX(span.startMs, totalMs) - 4)}" y="${px(y)}" class="bar-label" text-anchor="end">${text}</text>`
    : `<text x="${px(end + 4)}" y="${px(y)}" class="bar-label">${text}</text>`;
}

function bar(
  span: TimelineSpan,
  y: number,
  height: number,
  fill: string,
  totalMs: number,
  className: string,
): string {
  const x = timeX(span.startMs, totalMs);
  const width = Math.max(1.5, timeX(span.startMs + span.durationMs, totalMs) - x);
  return `<rect class="${className}" data-span="${escapeHtml(span.name)}" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" rx="2" fill="${fill}"><title>${escapeHtml(describe(span))}</title></rect>`;
}

/** Hover text of a bar: what it was, how long, and its sizes. */
function describe(span: TimelineSpan): string {
  const a = span.attributes;
  const parts = [`${span.name} — ${formatMs(span.durationMs)} from ${formatMs(span.startMs)}`];
  if (span.kind === 'mcp') parts.push(`server ${span.group}`);
  if (typeof a[ATTR.mcpArgumentBytes] === 'number')
    parts.push(`arguments ${formatBytes(a[ATTR.mcpArgumentBytes] as number)}`);
  if (typeof a[ATTR.mcpResultBytes] === 'number')
    parts.push(`result ${formatBytes(a[ATTR.mcpResultBytes] as number)}`);
  if (Array.isArray(a[ATTR.processArgs])) parts.push((a[ATTR.processArgs] as string[]).join(' '));
  if (typeof a[ATTR.processExitCode] === 'number') parts.push(`exit ${a[ATTR.processExitCode]}`);
  if (typeof a[ATTR.tokens] === 'number') parts.push(`${a[ATTR.tokens]} tokens`);
  if (span.failed) parts.push(`failed: ${span.statusMessage ?? 'error'}`);
  return parts.join('\n');
}

/** Lanes for bars that overlap in time (at least 2 px apart), at most {@link MAX_LANES}. */
function packLanes(spans: readonly TimelineSpan[], totalMs: number): number[] {
  const laneEnds: number[] = [];
  return spans.map((span) => {
    const start = timeX(span.startMs, totalMs);
    const end = Math.max(start + 2, timeX(span.startMs + span.durationMs, totalMs));
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + 2 <= start);
    if (lane === -1) lane = laneEnds.length < MAX_LANES ? laneEnds.length : MAX_LANES - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, end);
    return lane;
  });
}

function renderLegend(spans: TimelineSpan[], colorOf: (span: TimelineSpan) => string): string {
  const seen = new Map<string, string>();
  seen.set('phase', PHASE_COLOR);
  for (const span of spans) {
    const label = span.failed
      ? 'failed'
      : span.kind === 'mcp'
        ? `MCP ${span.group}`
        : span.kind === 'process'
          ? 'subprocess'
          : span.kind === 'llm'
            ? 'model call'
            : span.group;
    if (!seen.has(label)) seen.set(label, colorOf(span));
  }
  const items = [...seen.entries()].map(
    ([label, fill]) =>
      `<span class="legend-item"><i style="background:${fill}"></i>${escapeHtml(label)}</span>`,
  );
  return `<div class="legend">${items.join('')}</div>`;
}

function renderToolTable(timeline: Timeline): string {
  const rows = toToolCallSummaries(timeline);
  if (rows.length === 0) return missing('No MCP tool call was recorded in this run.');
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.server)}</td><td>${escapeHtml(r.tool)}</td><td class="num">${r.calls}</td><td class="num">${formatMs(r.totalMs)}</td><td class="num">${formatMs(r.medianMs)}</td><td class="num">${formatMs(r.maxMs)}</td><td class="num">${formatBytes(r.argumentBytes)}</td><td class="num">${formatBytes(r.resultBytes)}</td><td class="num${r.errors > 0 ? ' bad' : ''}">${r.errors}</td><td class="num">${r.retries}</td></tr>`,
    )
    .join('');
  return `<table class="data" id="tool-calls"><caption>MCP tool calls</caption><thead><tr><th>server</th><th>tool</th><th>calls</th><th>total</th><th>median</th><th>max</th><th>arguments</th><th>results</th><th>errors</th><th>retries</th></tr></thead><tbody>${body}</tbody></table>`;
}

function renderProcessTable(timeline: Timeline): string {
  const spans = timeline.phases.flatMap((phase) =>
    phase.children.filter((s) => s.kind === 'process').map((s) => ({ phase: phase.phase, s })),
  );
  if (spans.length === 0) return '';
  const body = spans
    .map(({ phase, s }) => {
      const args = s.attributes[ATTR.processArgs];
      const exit = s.attributes[ATTR.processExitCode];
      return `<tr><td>${escapeHtml(phase)}</td><td>${escapeHtml(s.group)}</td><td><code>${escapeHtml(Array.isArray(args) ? args.join(' ') : '')}</code></td><td class="num${s.failed ? ' bad' : ''}">${escapeHtml(typeof exit === 'number' ? String(exit) : s.failed ? (s.statusMessage ?? 'failed') : '')}</td><td class="num">${formatMs(s.durationMs)}</td></tr>`;
    })
    .join('');
  return `<table class="data" id="processes"><caption>Subprocesses</caption><thead><tr><th>phase</th><th>what</th><th>command</th><th>exit</th><th>time</th></tr></thead><tbody>${body}</tbody></table>`;
}
