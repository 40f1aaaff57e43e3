import type { ServerOverview, ServerReport } from '../orchestrator.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/**
 * `servers`: starts each configured server and prints a table (or JSON); returns 1 when one is
 * not ready.
 */
export async function runServers(flags: { workspace: string; json?: boolean }): Promise<number> {
  const { MCPOrchestrator } = await import('../orchestrator.js');
  const reports = await withInterruptSignal((signal) =>
    new MCPOrchestrator().servers({ workspace: flags.workspace, signal }),
  );
  process.stdout.write(
    flags.json ? `${JSON.stringify(reports, null, 2)}\n` : renderServers(reports),
  );
  return reports.some((s) => s.state !== 'ready') ? 1 : 0;
}

/**
 * A header row, then one row per server: name, state, tools, connect and ping latency, where it
 * is configured, the phases that use it; below it a failed one's error, then which stages of the
 * last run called it and how often.
 */
export function renderServers(reports: readonly ServerOverview[]): string {
  const header = ['server', 'state', 'tools', 'connect', 'ping', 'source', 'phases'];
  const rows = reports.map((s) => [
    s.name,
    s.state,
    String(s.toolCount),
    `${s.connectMs} ms`,
    s.pingMs === undefined ? '-' : `${s.pingMs.toFixed(2)} ms`,
    s.source,
    s.phases.length === 0 ? '-' : s.phases.join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = new Set([2, 3, 4]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [line(header)];
  reports.forEach((s, i) => {
    lines.push(line(rows[i] ?? []));
    if (s.error) lines.push(`    ${s.error.split('\n').join('\n    ')}`);
    lines.push(`    ${renderCalls(s)}`);
  });
  return `${lines.join('\n')}\n`;
}

function renderCalls(report: ServerReport): string {
  if (report.lastRun === null) return 'calls: no run has counted its calls yet';
  const stages = Object.entries(report.lastRun.calls);
  if (stages.length === 0) return `calls: none in the last run (${report.lastRun.runId})`;
  const listed = stages.map(([stage, count]) => `${stage} ×${count}`).join(', ');
  return `calls in the last run (${report.lastRun.runId}): ${listed}`;
}
