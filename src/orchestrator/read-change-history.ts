import path from 'node:path';
import { MEMORY_SERVER } from '../contracts/memory-graph.js';
import { OrchestratorError } from '../core/errors.js';
import type { RememberedRun } from '../core/services.js';
import { resolveSettings } from '../core/settings.js';
import { createClientPool } from '../mcp/client-pool.js';
import { resolveMcpServers } from '../mcp/resolve-mcp-servers.js';
import { openGitWorkspace } from '../vcs/open-git-workspace.js';
import { runGitRaw } from '../vcs/run-git.js';
import { createChangeMemory } from './change-memory.js';
import { withRemoteErrorCodes } from './remote-errors.js';

/** Options for {@link readChangeHistory}. */
export interface HistoryOptions {
  /** Any folder inside the git repository. @default process.cwd() */
  workspace?: string;
  /** Only the runs that changed this symbol (its name, as declared or as renamed to). */
  symbol?: string;
  signal?: AbortSignal;
  env?: Readonly<Record<string, string | undefined>>;
}

/** A recorded run, and whether its commit is in HEAD's history yet. */
export interface HistoryEntry extends RememberedRun {
  merged: boolean;
}

/**
 * The runs the memory server recorded for the repository (that changed `symbol`, when given),
 * oldest first, each with whether HEAD contains its commit. Starts only the memory server, and
 * not even that when nothing was recorded. Throws `BAD_INPUT` when no memory server is configured.
 */
export async function readChangeHistory(options: HistoryOptions = {}): Promise<HistoryEntry[]> {
  const env = options.env ?? process.env;
  const signalOption = options.signal ? { signal: options.signal } : {};
  const git = await openGitWorkspace(options.workspace ?? process.cwd(), signalOption);
  const servers = await resolveMcpServers(git.root, { env, ...signalOption });
  const config = servers[MEMORY_SERVER];
  if (config === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No "${MEMORY_SERVER}" server is configured for ${git.root} (.mcp.json): runs are recorded there, so there is no history to read.`,
      { data: { server: MEMORY_SERVER, root: git.root } },
    );
  }
  const pool = createClientPool({
    workspace: git.root,
    servers: { [MEMORY_SERVER]: config },
    parallelism: resolveSettings(env).parallelism,
  });
  try {
    const memoryFile =
      config.transport === 'stdio' && config.env.MEMORY_FILE_PATH
        ? path.resolve(git.root, config.env.MEMORY_FILE_PATH)
        : undefined;
    const memory = createChangeMemory(withRemoteErrorCodes(pool), { root: git.root, memoryFile });
    const runs =
      (await memory?.runs({
        ...(options.symbol !== undefined ? { symbol: options.symbol } : {}),
        ...signalOption,
      })) ?? [];
    const entries: HistoryEntry[] = [];
    for (const run of runs) {
      const ancestor = await runGitRaw(['merge-base', '--is-ancestor', run.commit, 'HEAD'], {
        cwd: git.root,
        ...signalOption,
      });
      entries.push({ ...run, merged: ancestor.exitCode === 0 });
    }
    return entries;
  } finally {
    await pool.close();
  }
}
