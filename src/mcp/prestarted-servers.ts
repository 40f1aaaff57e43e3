import { type ManagedProcess, spawnProcess } from '../process/index.js';
import { launchKey, type StdioLaunch } from './stdio-launch.js';

/** A server process started before the pool that will talk to it exists. */
export interface PrestartedServer {
  readonly process: ManagedProcess;
  /** `performance.now()` when it was spawned. */
  readonly startedAt: number;
}

/** Started and not yet taken, by launch key. One process-wide table: a CLI runs once. */
const waiting = new Map<string, PrestartedServer>();

/**
 * Spawns the server `launch` describes now, so that it starts while this process still loads
 * (the CLI loads the orchestrator for ~0.6 s; a server takes as long to answer `initialize`).
 * Its output waits in the pipes until a transport with the very same launch takes it over
 * ({@link adoptPrestarted}); {@link stopPrestartedServers} ends whatever nobody took.
 */
export function prestartServer(launch: StdioLaunch): void {
  const key = launchKey(launch);
  if (waiting.has(key)) return;
  const started = spawnProcess([launch.command, ...launch.args], {
    cwd: launch.cwd,
    env: launch.env,
  });
  waiting.set(key, { process: started, startedAt: performance.now() });
}

/**
 * The prestarted process of exactly `launch` (same command, arguments, folder and whole
 * environment), taken out of the table; undefined when there is none, or when it is no longer
 * running (it is then stopped, and the caller spawns its own).
 */
export function adoptPrestarted(launch: StdioLaunch): PrestartedServer | undefined {
  const key = launchKey(launch);
  const found = waiting.get(key);
  if (found === undefined) return undefined;
  waiting.delete(key);
  if (found.process.state === 'running') return found;
  void found.process.stop();
  return undefined;
}

/** Stops every prestarted server nobody adopted (stdin closed, then signals). */
export async function stopPrestartedServers(): Promise<void> {
  const left = [...waiting.values()];
  waiting.clear();
  await Promise.all(left.map((server) => server.process.stop()));
}
