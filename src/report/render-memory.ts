import type { MemoryLine } from '../telemetry/memory-log.js';
import { FAILED_COLOR, PHASE_COLOR } from './colors.js';
import { escapeHtml, formatMs, missing, niceTicks, px } from './html.js';
import { CHART_WIDTH, LABEL_WIDTH, renderTimeAxis, timeX } from './render-timeline.js';
import type { Timeline } from './to-timeline.js';

const PLOT_HEIGHT = 180;
const TOP = 26;

/**
 * Memory of the orchestrator and its children (servers, tests) over the run, on the same time
 * axis as the timeline, with the phases shaded behind it and high-pressure samples marked.
 */
export function renderMemory(memory: readonly MemoryLine[], timeline: Timeline | null): string {
  if (memory.length === 0)
    return missing('No memory.jsonl in the run folder (a run made by an older version).');
  const first = memory[0] as MemoryLine;
  const startEpochMs = timeline?.startEpochMs ?? first.timestamp;
  const lastMs = (memory.at(-1) as MemoryLine).timestamp - startEpochMs;
  const totalMs = Math.max(timeline?.totalMs ?? 0, lastMs, 1);
  const peak = memory.reduce((best, m) => (m.treeRssMb > best.treeRssMb ? m : best), first);
  const maxMb = Math.max(1, peak.treeRssMb) * 1.1;
  const y = (mb: number) => TOP + PLOT_HEIGHT - (mb / maxMb) * PLOT_HEIGHT;
  const x = (m: MemoryLine) => timeX(m.timestamp - startEpochMs, totalMs);
  const bands = (timeline?.phases ?? [])
    .map((phase, i) => {
      const x0 = timeX(phase.startMs, totalMs);
      const x1 = timeX(phase.startMs + phase.durationMs, totalMs);
      return `<rect x="${px(x0)}" y="${TOP}" width="${px(Math.max(1, x1 - x0))}" height="${PLOT_HEIGHT}" class="${i % 2 === 0 ? 'band' : 'band alt'}"><title>${escapeHtml(`${phase.phase}: ${formatMs(phase.durationMs)}`)}</title></rect>${
        // A label only where it fits (about 6 px a character); the band's title names it anyway.
        x1 - x0 >= phase.phase.length * 6 + 4
          ? `<text x="${px(x0 + 2)}" y="${TOP + PLOT_HEIGHT + 14}" class="tick">${escapeHtml(phase.phase)}</text>`
          : ''
      }`;
    })
    .join('');
  const line = (pick: (m: MemoryLine) => number) =>
    memory.map((m, i) => `${i === 0 ? 'M' : 'L'}${px(x(m))},${px(y(pick(m)))}`).join('');
  const pressure = memory
    .filter((m) => m.highPressure)
    .map(
      (m) => `<circle cx="${px(x(m))}" cy="${px(y(m.treeRssMb))}" r="2.5" fill="${FAILED_COLOR}"/>`,
    )
    .join('');
  const yTicks = niceTicks(maxMb, 4)
    .map(
      (tick) =>
        `<line x1="${LABEL_WIDTH}" x2="${CHART_WIDTH - 20}" y1="${px(y(tick))}" y2="${px(y(tick))}" class="grid"/><text x="${LABEL_WIDTH - 6}" y="${px(y(tick) + 4)}" class="tick" text-anchor="end">${tick} MB</text>`,
    )
    .join('');
  const height = TOP + PLOT_HEIGHT + 22;
  const svg = `<svg class="chart" id="memory-chart" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="Memory over the run">${bands}${renderTimeAxis(totalMs, TOP + PLOT_HEIGHT)}${yTicks}<path d="${line((m) => m.rssMb)}" class="line rss"/><path d="${line((m) => m.treeRssMb)}" class="line tree" stroke="${PHASE_COLOR}"/>${pressure}<circle cx="${px(x(peak))}" cy="${px(y(peak.treeRssMb))}" r="4" class="peak"><title>${escapeHtml(`peak ${peak.treeRssMb} MB at ${formatMs(peak.timestamp - startEpochMs)}`)}</title></circle></svg>`;
  const highs = memory.filter((m) => m.highPressure).length;
  return `${svg}<div class="legend"><span class="legend-item"><i style="background:${PHASE_COLOR}"></i>orchestrator + servers + tests (tree RSS)</span><span class="legend-item"><i class="dashed"></i>orchestrator alone (RSS)</span><span class="legend-item"><i style="background:${FAILED_COLOR}"></i>high memory pressure</span></div><p class="note">Peak ${peak.treeRssMb} MB at ${escapeHtml(formatMs(peak.timestamp - startEpochMs))}; ${memory.length} samples; ${highs === 0 ? 'pressure never high' : `${highs} sample(s) under high pressure`}.</p>`;
}
