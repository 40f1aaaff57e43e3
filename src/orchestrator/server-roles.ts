import type { ServerReport } from './last-run-calls.js';

/** Which phases call each built-in server (a server no phase calls is there for other hosts). */
export const SERVER_PHASES: Readonly<Record<string, readonly string[]>> = {
  ripgrep: ['map'],
  dependency_graph: ['map', 'logic', 'execute', 'review'],
  filesystem: [],
  memory: [],
  // Only when a model planner read the command: it records the model's reasoning steps.
  'sequential-thinking': ['intent'],
};

/** A server's status and last-run calls, where it is configured and which phases use it. */
export type ServerOverview = ServerReport & {
  /** `built-in`, `.mcp.json`, or `.mcp.json (replaces the built-in)`. */
  source: string;
  /** The phases that call it, in run order; empty when none does. */
  phases: string[];
};

/** Adds source and phases to each report; `fromConfig` are the names `.mcp.json` defines. */
export function toServerOverviews(
  statuses: readonly ServerReport[],
  fromConfig: ReadonlySet<string>,
): ServerOverview[] {
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
