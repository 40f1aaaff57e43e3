import { toErrorMessage } from '../core/errors.js';
import type { ServerStatus } from '../mcp/server-status.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { createSerialQueue, type SerialQueue } from '../vcs/serial-queue.js';
import {
  createWorkspaceChangeTracker,
  type WorkspaceChangeTracker,
} from '../vcs/track-workspace-changes.js';
import {
  type OpenSharedOptions,
  openSharedServices,
  type SharedServices,
} from './open-run-services.js';

/** Options for {@link createWarmWorkspaces}. */
export interface WarmWorkspacesOptions {
  /** Close a repository's services after this long without a run, in ms. @default 600000 (10 minutes) */
  idleTimeoutMs?: number;
}

/** One repository's warm services, as `status()` reports them. */
export interface WarmWorkspaceStatus {
  root: string;
  /** Runs that used these services (the first one opened them). */
  runs: number;
  /** Runs waiting for the repository's current run to end. */
  queued: number;
  /** When the last run on it ended (ISO time); null while the first runs. */
  lastUsedAt: string | null;
  servers: ServerStatus[];
}

/** What a run learns when it takes a repository's warm services. */
export interface WarmLease {
  shared: SharedServices;
  /** True when another run opened the services (nothing had to start). */
  reused: boolean;
  /** What changed in the checkout since the last run, as told to the servers. */
  changedFiles: readonly string[];
  headMoved: boolean;
}

/**
 * The MCP pool and the SliceCache of each repository, kept open between runs: one run at a time
 * per repository (the next waits its turn), runs on different repositories in parallel. Before a
 * run, what changed in the checkout since the last one (HEAD moved, files edited) is told to
 * `dependency_graph` (`notify_files_changed`); a changed `.mcp.json` reopens the pool. A
 * repository idle for `idleTimeoutMs` has its services closed.
 */
export interface WarmWorkspaces {
  /**
   * Runs `body` with the warm services of `git`'s repository, opening them (through `open`) on
   * first use; waits while another run on the same repository is under way.
   */
  run<T>(
    git: GitWorkspace,
    open: Omit<OpenSharedOptions, 'root'>,
    body: (lease: WarmLease) => Promise<T>,
  ): Promise<T>;
  status(): WarmWorkspaceStatus[];
  /** Closes every repository's services (waiting for runs under way). Safe to call twice. */
  close(): Promise<string[]>;
}

const DEFAULT_IDLE_TIMEOUT_MS = 600_000;
const DEPENDENCY_GRAPH = 'dependency_graph';

interface Entry {
  queue: SerialQueue;
  /** Runs queued or under way. */
  queued: number;
  running: boolean;
  runs: number;
  lastUsedAt: string | null;
  tracker: WorkspaceChangeTracker;
  shared?: SharedServices;
  idleTimer?: NodeJS.Timeout;
}

/** Creates an empty set of warm workspaces. */
export function createWarmWorkspaces(options: WarmWorkspacesOptions = {}): WarmWorkspaces {
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const entries = new Map<string, Entry>();
  let closing: Promise<string[]> | undefined;

  const closeEntry = async (entry: Entry): Promise<string[]> => {
    clearTimeout(entry.idleTimer);
    const shared = entry.shared;
    delete entry.shared;
    return shared ? shared.close() : [];
  };

  const scheduleIdleClose = (root: string, entry: Entry): void => {
    clearTimeout(entry.idleTimer);
    if (entry.queued > 0) return;
    entry.idleTimer = setTimeout(() => {
      if (entry.queued > 0) return;
      entries.delete(root);
      void closeEntry(entry);
    }, idleTimeoutMs);
    entry.idleTimer.unref();
  };

  const lease = async (
    git: GitWorkspace,
    entry: Entry,
    open: Omit<OpenSharedOptions, 'root'>,
  ): Promise<WarmLease> => {
    const changes = await entry.tracker.changes({ signal: open.signal });
    if (entry.shared && changes.files.includes('.mcp.json')) {
      open.warn('.mcp.json changed since the last run: its servers are restarted.');
      for (const message of await closeEntry(entry)) open.warn(`Shutdown: ${message}`);
    }
    if (entry.shared === undefined) {
      entry.shared = await openSharedServices({ ...open, root: git.root });
      return { shared: entry.shared, reused: false, changedFiles: [], headMoved: false };
    }
    const { pool } = entry.shared;
    if (changes.files.length > 0 && pool.hasTool(DEPENDENCY_GRAPH, 'notify_files_changed')) {
      await pool
        .callTool(
          DEPENDENCY_GRAPH,
          'notify_files_changed',
          { files: changes.files },
          {
            signal: open.signal,
          },
        )
        .catch((error: unknown) => {
          // The server is restarted by the pool if it died; a fresh one reads every file anew.
          open.warn(
            `dependency_graph was not told about ${changes.files.length} changed files: ${toErrorMessage(error)}`,
          );
        });
    }
    return {
      shared: entry.shared,
      reused: true,
      changedFiles: changes.files,
      headMoved: changes.headMoved,
    };
  };

  return {
    async run(git, open, body) {
      if (closing !== undefined) throw new Error('The warm workspaces are closed.');
      let entry = entries.get(git.root);
      if (entry === undefined) {
        entry = {
          queue: createSerialQueue(),
          queued: 0,
          running: false,
          runs: 0,
          lastUsedAt: null,
          tracker: createWorkspaceChangeTracker(git),
        };
        entries.set(git.root, entry);
      }
      const current = entry;
      current.queued += 1;
      clearTimeout(current.idleTimer);
      try {
        return await current.queue.run(async () => {
          current.running = true;
          try {
            const taken = await lease(git, current, open);
            current.runs += 1;
            return await body(taken);
          } finally {
            current.running = false;
          }
        });
      } finally {
        current.queued -= 1;
        current.lastUsedAt = new Date().toISOString();
        if (entries.get(git.root) === current) scheduleIdleClose(git.root, current);
      }
    },
    status() {
      return [...entries].map(([root, entry]) => ({
        root,
        runs: entry.runs,
        queued: entry.queued - (entry.running ? 1 : 0),
        lastUsedAt: entry.lastUsedAt,
        servers: entry.shared?.pool.status() ?? [],
      }));
    },
    close() {
      closing ??= (async () => {
        const all = [...entries.values()];
        entries.clear();
        const settled = await Promise.all(
          all.map(async (entry) => {
            await entry.queue.idle();
            return closeEntry(entry);
          }),
        );
        return settled.flat();
      })();
      return closing;
    },
  };
}
