import path from 'node:path';
import { createBaseResultCache } from '../cache/base-result-cache.js';
import { SliceCache } from '../cache/slice-cache.js';
import { createCodeGraph } from '../contracts/create-code-graph.js';
import { createTextSearch } from '../contracts/create-text-search.js';
import { toErrorMessage } from '../core/errors.js';
import type {
  BaseResultCache,
  CodeGraph,
  RunHistoryReader,
  SliceStore,
  TextSearch,
  ToolCaller,
} from '../core/services.js';
import type { ResolvedSettings } from '../core/settings.js';
import { ATTR } from '../core/span-attributes.js';
import { type ClientPool, createClientPool } from '../mcp/client-pool.js';
import { resolveMcpServers } from '../mcp/resolve-mcp-servers.js';
import { MemoryPressureMonitor } from '../pressure/memory-pressure-monitor.js';
import { createRunTracer, type RunTracer } from '../telemetry/create-tracer.js';
import { createMemoryLog } from '../telemetry/memory-log.js';
import { openRunHistory, type RunHistory } from '../telemetry/run-history.js';
import { STATE_DIR_NAME } from '../vcs/open-git-workspace.js';
import { withRemoteErrorCodes } from './remote-errors.js';
import { toolchainFingerprint } from './toolchain-fingerprint.js';

/** The long-lived services one run owns; `close()` tears them down in reverse order. */
export interface RunServices {
  pool: ClientPool;
  tools: ToolCaller;
  graph: CodeGraph;
  search: TextSearch;
  cache?: SliceStore;
  /** Results computed at a base commit, kept across runs. */
  baseResults: BaseResultCache;
  pressure: MemoryPressureMonitor;
  history?: RunHistory & RunHistoryReader;
  spans: RunTracer;
  close(): Promise<string[]>;
}

/** Opens pool, cache, memory monitor, run history and tracer. The cache and history may fail: the run degrades. */
export async function openRunServices(options: {
  root: string;
  runDir: string;
  settings: ResolvedSettings;
  env: Readonly<Record<string, string | undefined>>;
  connect: readonly string[];
  signal: AbortSignal;
  warn: (message: string) => void;
  /** Attributes of the trace's root span. */
  trace?: { runId: string; command: string };
}): Promise<RunServices> {
  const closers: Closers = [];
  const close = async (): Promise<string[]> => {
    const settled = await Promise.allSettled(closers.reverse().map(async (fn) => fn()));
    closers.length = 0;
    return settled.flatMap((s) => (s.status === 'rejected' ? [toErrorMessage(s.reason)] : []));
  };
  try {
    const monitor = new MemoryPressureMonitor({
      thresholdRatio: options.settings.memoryThreshold,
      collectOnSuggest: true,
    });
    const memoryLog = createMemoryLog(options.runDir, options.warn);
    monitor.on('sample', (sample) => memoryLog.record(sample));
    monitor.start();
    closers.push(
      () => monitor.stop(),
      () => memoryLog.close(),
    );
    const tracer = createRunTracer(options.runDir, {
      env: options.env,
      warn: options.warn,
      ...(options.trace
        ? {
            input: options.trace.command,
            attributes: {
              [ATTR.runId]: options.trace.runId,
              [ATTR.command]: options.trace.command,
            },
          }
        : {}),
    });
    closers.push(() => tracer.shutdown());
    // Servers take the longest to start: connect them while the cache and history open.
    const servers = await resolveMcpServers(options.root, {
      env: options.env,
      signal: options.signal,
    });
    const pool = createClientPool({
      workspace: options.root,
      servers,
      parallelism: options.settings.parallelism,
      spans: tracer,
      recordContent: tracer.settings.recordContent,
    });
    closers.push(() => pool.close());
    const connecting =
      options.connect.length > 0
        ? pool.connect(options.connect, { signal: options.signal })
        : undefined;
    connecting?.catch(() => {});
    const cache = await openCache(options, closers);
    const history = openHistory(options, closers);
    for (const status of (await connecting) ?? []) {
      if (status.state === 'failed') {
        options.warn(`MCP server ${status.name} failed to start: ${status.error}`);
      }
    }
    const tools = withRemoteErrorCodes(pool);
    return {
      pool,
      tools,
      graph: createCodeGraph(tools),
      search: createTextSearch(tools),
      ...(cache ? { cache } : {}),
      baseResults: createBaseResultCache({
        dir: path.join(options.root, STATE_DIR_NAME, 'base-results'),
        fingerprint: toolchainFingerprint(options.env),
      }),
      pressure: monitor,
      ...(history ? { history } : {}),
      spans: tracer,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

type Closers = Array<() => Promise<unknown> | unknown>;
type OpenOptions = { root: string; settings: ResolvedSettings; warn: (message: string) => void };

async function openCache(options: OpenOptions, closers: Closers): Promise<SliceCache | undefined> {
  try {
    const cache = new SliceCache({
      dir: path.join(options.root, STATE_DIR_NAME),
      cacheSizeMb: options.settings.cacheSizeMb,
      logger: { warn: options.warn },
    });
    await cache.initialize();
    closers.push(() => cache.close());
    return cache;
  } catch (error) {
    options.warn(`SliceCache unavailable (${toErrorMessage(error)}); MAP runs without it.`);
    return undefined;
  }
}

function openHistory(options: OpenOptions, closers: Closers): RunServices['history'] {
  try {
    const history = openRunHistory(options.root, { logger: { warn: options.warn } });
    closers.push(() => history.close());
    return history;
  } catch (error) {
    options.warn(`Run history unavailable (${toErrorMessage(error)}); OPTIMIZE uses defaults.`);
    return undefined;
  }
}
