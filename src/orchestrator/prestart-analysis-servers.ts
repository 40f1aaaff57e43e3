import { access } from 'node:fs/promises';
import path from 'node:path';
import { createDefaultServers } from '../mcp/default-servers.js';
import { prestartServer, stopPrestartedServers } from '../mcp/prestarted-servers.js';
import { toStdioLaunch } from '../mcp/stdio-launch.js';
import { ANALYSIS_SERVERS } from './analysis-servers.js';

/**
 * Spawns the built-in servers a run waits for before MAP (ripgrep, dependency_graph) for the
 * repository at `root`, so they start while the CLI loads the orchestrator: the run's pool takes
 * them over when it connects with the very same launch, and spawns its own otherwise. Nothing
 * starts early when the repository has a `.mcp.json` (it may replace a built-in server; the run
 * reads and checks it). Call {@link stopUnusedServers} when the run is over.
 */
export async function prestartAnalysisServers(root: string): Promise<void> {
  const configured = await access(path.join(root, '.mcp.json')).then(
    () => true,
    () => false,
  );
  if (configured) return;
  const servers = createDefaultServers(root);
  for (const name of ANALYSIS_SERVERS) {
    const config = servers[name];
    if (config?.transport === 'stdio') prestartServer(toStdioLaunch(config, root));
  }
}

/** Stops what {@link prestartAnalysisServers} started and no run took over. */
export function stopUnusedServers(): Promise<void> {
  return stopPrestartedServers();
}
