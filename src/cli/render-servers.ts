import type { ServerStatus } from '../orchestrator.js';

/** One line per server: name, state, tools, connect and ping latency, and why a failed one failed. */
export function renderServers(statuses: readonly ServerStatus[]): string {
  const lines = statuses.map((s) => {
    const ping = s.pingMs === undefined ? '-' : `${s.pingMs.toFixed(2)} ms`;
    const base = `${s.name.padEnd(22)} ${s.state.padEnd(8)} ${String(s.toolCount).padStart(3)} tools  connect ${String(s.connectMs).padStart(5)} ms  ping ${ping}`;
    return s.error ? `${base}\n    ${s.error.split('\n').join('\n    ')}` : base;
  });
  return `${lines.join('\n')}\n`;
}
