import type { ServerReport } from '../orchestrator.js';

/**
 * One line per server: name, state, tools, connect and ping latency, and why a failed one
 * failed; then which stages of the last run called it and how often.
 */
export function renderServers(statuses: readonly ServerReport[]): string {
  const lines = statuses.map((s) => {
    const ping = s.pingMs === undefined ? '-' : `${s.pingMs.toFixed(2)} ms`;
    const base = `${s.name.padEnd(22)} ${s.state.padEnd(8)} ${String(s.toolCount).padStart(3)} tools  connect ${String(s.connectMs).padStart(5)} ms  ping ${ping}`;
    const failed = s.error ? `\n    ${s.error.split('\n').join('\n    ')}` : '';
    return `${base}${failed}\n    ${renderCalls(s)}`;
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
