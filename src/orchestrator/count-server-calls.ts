import type { ToolCaller } from '../core/services.js';

/** Tool calls per server, per stage of the run (a phase, or `record` after the phases). */
export type ServerCalls = Record<string, Record<string, number>>;

/** A {@link ToolCaller} that counts each call under the stage the run is in. */
export interface ServerCallCounter {
  tools: ToolCaller;
  /** The stage the next calls count under. */
  setStage(stage: string): void;
  /** The counts so far, servers and stages in the order first called. */
  counts(): ServerCalls;
}

/** Wraps `tools` to count calls by server and stage; calls before any stage count as `setup`. */
export function countServerCalls(tools: ToolCaller): ServerCallCounter {
  let stage = 'setup';
  const calls: ServerCalls = {};
  return {
    tools: {
      serverNames: () => tools.serverNames(),
      hasTool: (server, tool) => tools.hasTool(server, tool),
      reconnectCount: () => tools.reconnectCount(),
      callTool(server, tool, args, options) {
        const byStage = calls[server] ?? {};
        calls[server] = byStage;
        byStage[stage] = (byStage[stage] ?? 0) + 1;
        return tools.callTool(server, tool, args, options);
      },
    },
    setStage(next) {
      stage = next;
    },
    counts: () => structuredClone(calls),
  };
}
