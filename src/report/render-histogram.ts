import { FAILED_COLOR, PHASE_COLOR } from './colors.js';
import { escapeHtml, missing, niceTicks, px } from './html.js';
import type { ReportResult } from './load-run-files.js';

/** Bars drawn at most; wider histograms are put in ranges of equal width. */
const MAX_BARS = 60;

/** One bar: simulations that broke `from`..`to` files. */
interface Bin {
  from: number;
  to: number;
  simulations: number;
}

/** The histogram in at most {@link MAX_BARS} bins of equal width, with empty bins kept. Pure. */
export function toBins(histogram: ReadonlyArray<{ files: number; simulations: number }>): Bin[] {
  const max = Math.max(0, ...histogram.map((h) => h.files));
  const width = Math.max(1, Math.ceil((max + 1) / MAX_BARS));
  const bins: Bin[] = [];
  for (let from = 0; from <= max; from += width)
    bins.push({ from, to: from + width - 1, simulations: 0 });
  for (const entry of histogram) {
    const bin = bins[Math.floor(entry.files / width)];
    if (bin) bin.simulations += entry.simulations;
  }
  return bins;
}

/** The Monte Carlo blast-radius histogram, its p50/p95 marked, and the figures beside it. */
export function renderHistogram(risk: ReportResult['risk'] | undefined): string {
  if (risk === null || risk === undefined)
    return missing(
      'MONTE CARLO did not run in this run (an apply of a saved plan, or an earlier stop).',
    );
  if (risk.blastRadiusHistogram === undefined || risk.blastRadiusHistogram.length === 0)
    return `${missing('This run recorded no histogram (made by an older version).')}${renderFigures(risk)}`;
  const bins = toBins(risk.blastRadiusHistogram);
  const counts = bins.map((b) => b.simulations).filter((c) => c > 0);
  const log = Math.max(...counts) / Math.min(...counts) > 50;
  const maxCount = Math.max(...counts);
  const scaleY = (count: number) =>
    count <= 0 ? 0 : log ? Math.log10(count + 1) / Math.log10(maxCount + 1) : count / maxCount;
  const left = 70;
  const plotWidth = 960;
  const plotHeight = 200;
  const top = 16;
  const barWidth = plotWidth / bins.length;
  const bars = bins
    .map((bin, i) => {
      const h = scaleY(bin.simulations) * plotHeight;
      const label = bin.from === bin.to ? `${bin.from} files` : `${bin.from}–${bin.to} files`;
      const share = ((bin.simulations / risk.simulations) * 100).toFixed(2);
      return `<rect class="hist-bar" x="${px(left + i * barWidth + 1)}" y="${px(top + plotHeight - h)}" width="${px(Math.max(1, barWidth - 2))}" height="${px(h)}" fill="${bin.from === 0 ? PHASE_COLOR : FAILED_COLOR}"><title>${escapeHtml(`${label} broken: ${bin.simulations} simulations (${share}%)`)}</title></rect>`;
    })
    .join('');
  const binWidth = (bins[0]?.to ?? 0) + 1;
  const xOf = (files: number) => left + (Math.floor(files / binWidth) + 0.5) * barWidth;
  const marker = (files: number, name: string, dy: number) =>
    `<line x1="${px(xOf(files))}" x2="${px(xOf(files))}" y1="${top}" y2="${top + plotHeight}" class="marker"/><text x="${px(xOf(files) + 4)}" y="${top + 10 + dy}" class="tick">${escapeHtml(`${name} = ${files}`)}</text>`;
  const xLabels = bins
    .filter((_, i) => i % Math.ceil(bins.length / 12) === 0)
    .map((bin) => {
      const i = bins.indexOf(bin);
      return `<text x="${px(left + (i + 0.5) * barWidth)}" y="${top + plotHeight + 16}" class="tick" text-anchor="middle">${bin.from}</text>`;
    })
    .join('');
  const yTicks = (
    log
      ? [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000].filter((t) => t <= maxCount)
      : niceTicks(maxCount, 4)
  )
    .map((tick) => {
      const y = top + plotHeight - scaleY(tick) * plotHeight;
      return `<line x1="${left}" x2="${left + plotWidth}" y1="${px(y)}" y2="${px(y)}" class="grid"/><text x="${left - 6}" y="${px(y + 4)}" class="tick" text-anchor="end">${tick}</text>`;
    })
    .join('');
  const height = top + plotHeight + 40;
  const svg = `<svg class="chart" id="histogram-chart" viewBox="0 0 1080 ${height}" width="1080" height="${height}" role="img" aria-label="Blast radius histogram">${yTicks}${bars}${marker(risk.blastRadius.p50, 'p50', 0)}${marker(risk.blastRadius.p95, 'p95', 14)}${xLabels}<text x="${left + plotWidth / 2}" y="${height - 4}" class="tick" text-anchor="middle">files broken in one simulation${log ? ' — simulations on a log scale' : ''}</text></svg>`;
  return `${svg}${renderFigures(risk)}`;
}

function renderFigures(risk: NonNullable<ReportResult['risk']>): string {
  const riskiest = risk.riskiestFiles
    .map((f) => `<li><code>${escapeHtml(f.file)}</code> ${(f.pBreak * 100).toFixed(2)}%</li>`)
    .join('');
  return `<ul class="figures"><li>P(break) <b>${(risk.pBreak * 100).toFixed(2)}%</b></li><li>P(break outside tests) <b>${(risk.pBreakUncovered * 100).toFixed(2)}%</b></li><li>blast radius p50 <b>${risk.blastRadius.p50}</b>, p95 <b>${risk.blastRadius.p95}</b>, max <b>${risk.blastRadius.max}</b> files</li><li>${risk.simulations} simulations, seed ${risk.seed}, ${risk.converged ? 'converged' : 'stopped at the time limit'}</li><li>tests to run: ${risk.testsToRun.length === 0 ? 'none' : risk.testsToRun.map((t) => `<code>${escapeHtml(t)}</code>`).join(', ')}</li></ul>${riskiest === '' ? '' : `<p class="note">Riskiest files</p><ul class="figures">${riskiest}</ul>`}`;
}
