import type { ServerStatus } from '../mcp/server-status.js';
import { listRuns, readRun } from './list-runs.js';

/** A server's status, and which stages of the last run that counted calls called it. */
export type ServerReport = ServerStatus & {
  /** Null when no run has counted its calls yet. */
  lastRun: { runId: string; calls: Record<string, number> } | null;
};

/** How many recent runs to look through for one that counted its calls. */
const LOOK_BACK = 20;

/**
 * Adds to each status what the newest run with counted calls (result.json's `serverCalls`)
 * asked of that server, by stage: `{ map: 2, logic: 7 }`, or `{}` when it called it not at all.
 * Outside a git repository, or without such a run, `lastRun` is null.
 */
export async function withLastRunCalls(
  statuses: readonly ServerStatus[],
  workspace: string,
  options: { signal?: AbortSignal } = {},
): Promise<ServerReport[]> {
  const last = await findLastCounted(workspace, options).catch(() => undefined);
  return statuses.map((status) => ({
    ...status,
    lastRun: last ? { runId: last.runId, calls: last.calls[status.name] ?? {} } : null,
  }));
}

async function findLastCounted(
  workspace: string,
  options: { signal?: AbortSignal },
): Promise<{ runId: string; calls: Record<string, Record<string, number>> } | undefined> {
  const { runs } = await listRuns(workspace, { limit: LOOK_BACK, ...options });
  for (const summary of runs) {
    if (summary.success === null) continue;
    const { result } = await readRun(workspace, summary.runId, options);
    if (result?.serverCalls) return { runId: summary.runId, calls: result.serverCalls };
  }
  return undefined;
}
