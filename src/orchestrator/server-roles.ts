import type { ServerStatus } from '../mcp/server-status.js';

/** Which phases call each built-in server (a server no phase calls is there for other hosts). */
export const SERVER_PHASES: Readonly<Record<string, readonly string[]>> = {
  ripgrep: ['map'],
  dependency_graph: ['map', 'logic', 'execute', 'review'],
  filesystem: [],
  memory: [],
  'sequential-thinking': [],
};

/** A server's status, where it is configured and which phases use it. */
export interface ServerReport extends ServerStatus {
  /** `built-in`, `.mcp.json`, or `.mcp.json (replaces the built-in)`. */
  source: string;
  /** The phases that call it, in run order; empty when none does. */
  phases: string[];
}

/** Adds source and phases to each status; `fromConfig` are the names `.mcp.json` defines. */
export function toServerReports(
  statuses: readonly ServerStatus[],
  fromConfig: ReadonlySet<string>,
): ServerReport[] {
  return statuses.map((status) => {
    const builtIn = Object.hasOwn(SERVER_PHASES, status.name);
    const source = !fromConfig.has(status.name)
      ? 'built-in'
      : builtIn
        ? '.mcp.json (replaces the built-in)'
        : '.mcp.json';
    return { ...status, source, phases: [...(SERVER_PHASES[status.name] ?? [])] };
  });
}
