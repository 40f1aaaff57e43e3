import path from 'node:path';
import { createBaseResultCache } from '../cache/base-result-cache.js';
import { SliceCache } from '../cache/slice-cache.js';
import { createCodeGraph } from '../contracts/create-code-graph.js';
import { createPythonRunner } from '../contracts/create-python-runner.js';
import { createTextSearch } from '../contracts/create-text-search.js';
import { toErrorMessage } from '../core/errors.js';
import type {
  BaseResultCache,
  CodeGraph,
  PythonRunner,
  RunHistoryReader,
  SliceStore,
  TextSearch,
  ToolCaller,
} from '../core/services.js';
import type { ResolvedSettings } from '../core/settings.js';
import type { SpanRunner } from '../core/spans.js';
import { type ClientPool, createClientPool } from '../mcp/client-pool.js';
import { resolveMcpServersWithSources } from '../mcp/resolve-mcp-servers.js';
import { MemoryPressureMonitor } from '../pressure/memory-pressure-monitor.js';
import type { RunTracer } from '../telemetry/create-tracer.js';
import { createMemoryLog } from '../telemetry/memory-log.js';
import { openRunHistory, type RunHistory } from '../telemetry/run-history.js';
import { resolveTraceSettings } from '../telemetry/trace-settings.js';
import { STATE_DIR_NAME } from '../vcs/open-git-workspace.js';
import { type ChangeMemory, createChangeMemory } from './change-memory.js';
import { countServerCalls, type ServerCallCounter } from './count-server-calls.js';
import { type DeferredHistory, deferHistory } from './deferred-history.js';
import { FILESYSTEM_SERVER } from './filesystem-writer.js';
import { withRemoteErrorCodes } from './remote-errors.js';
import { createSpanRelay, type SpanRelay } from './span-relay.js';
import { toolchainFingerprint } from './toolchain-fingerprint.js';

/** The long-lived services one run owns; `close()` tears them down in reverse order. */
export interface RunServices {
  pool: ClientPool;
  /** Servers `.mcp.json` defines. */
  fromConfig: ReadonlySet<string>;
  tools: ToolCaller;
  /** Counts the run's tool calls by server and stage (what `servers` reports of the last run). */
  calls: ServerCallCounter;
  graph: CodeGraph;
  search: TextSearch;
  /** Present when a `pyrepl` server is configured. */
  python?: PythonRunner;
  cache?: SliceStore;
  /** Results computed at a base commit, kept across runs. */
  baseResults: BaseResultCache;
  pressure: MemoryPressureMonitor;
  /** Opened on first use or `prepare()` (see `deferred-history.ts`). */
  history: DeferredHistory;
  /** Earlier runs through the memory server; absent when none is configured. */
  memory?: ChangeMemory;
  spans: RunTracer;
  close(): Promise<string[]>;
}

/**
 * The services that may outlive a run (the MCP pool and the SliceCache): opened per run, or
 * kept warm between runs on one repository (see `warm-workspaces.ts`).
 */
export interface SharedServices {
  pool: ClientPool;
  /** Where the pool's spans go: the tracer of the run using the services. */
  spans: SpanRelay;
  cache?: SliceCache;
  /** The memory server's `MEMORY_FILE_PATH`, when it is a stdio server that sets one. */
  memoryFile?: string;
  /** Servers `.mcp.json` defines (replacing a built-in of the same name, or not). */
  fromConfig: ReadonlySet<string>;
  /** Closes the cache and the pool; returns every error's message. Safe to call twice. */
  close(): Promise<string[]>;
}

/** Options for {@link openSharedServices}. */
export interface OpenSharedOptions {
  root: string;
  settings: ResolvedSettings;
  env: Readonly<Record<string, string | undefined>>;
  /** Servers to start now, in the background (the rest start on their first call). */
  connect: readonly string[];
  /** Servers to start now that the run does not wait for before its first phase. @default none */
  background?: readonly string[];
  signal: AbortSignal;
  warn: (message: string) => void;
  /** Where the pool's spans go from the start (a run's tracer); attach later ones through `spans`. */
  spans?: SpanRunner;
}

/** Opens the MCP pool (starting `connect` in the background) and the SliceCache (which may fail: MAP then runs without it). */
export async function openSharedServices(options: OpenSharedOptions): Promise<SharedServices> {
  const closers = createClosers();
  try {
    const { servers, fromConfig } = await resolveMcpServersWithSources(options.root, {
      env: options.env,
      signal: options.signal,
    });
    const spans = createSpanRelay();
    if (options.spans) spans.attach(options.spans);
    const pool = createClientPool({
      workspace: options.root,
      servers,
      parallelism: options.settings.parallelism,
      // EXECUTE roots the filesystem server at the run's worktree (see filesystem-writer.ts).
      rootsFor: [FILESYSTEM_SERVER],
      spans,
      recordContent: resolveTraceSettings(options.env).recordContent,
    });
    closers.push(() => pool.close());
    // Servers take the longest to start: they start while the cache opens.
    const starting = [...options.connect, ...(options.background ?? [])];
    if (starting.length > 0) {
      pool.connect(starting, { signal: options.signal }).catch(() => {});
    }
    const cache = await openCache(options, closers.push);
    const memory = servers.memory;
    const memoryFile = memory?.transport === 'stdio' ? memory.env.MEMORY_FILE_PATH : undefined;
    return {
      pool,
      spans,
      fromConfig,
      ...(cache ? { cache } : {}),
      ...(memoryFile ? { memoryFile: path.resolve(options.root, memoryFile) } : {}),
      close: closers.close,
    };
  } catch (error) {
    await closers.close();
    throw error;
  }
}

/**
 * Opens what one run owns — memory monitor, run history — over `shared` services (kept open when
 * given; opened and closed with the run otherwise) and takes over the run's tracer, and starts
 * the `connect` servers while the rest opens. The run history may fail: the run degrades.
 */
export async function openRunServices(
  options: OpenSharedOptions & {
    runDir: string;
    shared?: SharedServices;
    /** The run's tracer (opened with the run); these services end it when they close. */
    tracer: RunTracer;
  },
): Promise<RunServices> {
  const closers = createClosers();
  try {
    const monitor = new MemoryPressureMonitor({
      thresholdRatio: options.settings.memoryThreshold,
      collectOnSuggest: true,
    });
    const memoryLog = createMemoryLog(options.runDir, options.warn);
    monitor.on('sample', (sample) => memoryLog.record(sample));
    monitor.start();
    closers.push(() => monitor.stop());
    closers.push(() => memoryLog.close());
    const { tracer } = options;
    closers.push(() => tracer.shutdown());
    const shared = options.shared ?? (await openSharedServices({ ...options, spans: tracer }));
    if (options.shared && options.background && options.background.length > 0) {
      shared.pool.connect(options.background, { signal: options.signal }).catch(() => {});
    }
    if (options.shared === undefined) closers.push(async () => rejectAll(await shared.close()));
    // The pool's spans go to this run's trace while it runs (a warm pool outlives the run).
    const detach = shared.spans.attach(tracer);
    closers.push(detach);
    // Already starting when the services were opened just now: this waits for the same start.
    const connecting =
      options.connect.length > 0
        ? shared.pool.connect(options.connect, { signal: options.signal })
        : undefined;
    connecting?.catch(() => {});
    // Neither the tokenizer (on the first count) nor the run history (at LOGIC, see
    // run-phases.ts) loads here: work done while the servers start slows their start on two
    // cores, and a refused command needs neither.
    const history = deferHistory(() => openHistory(options));
    closers.push(() => history.close());
    for (const status of (await connecting) ?? []) {
      if (status.state === 'failed') {
        options.warn(`MCP server ${status.name} failed to start: ${status.error}`);
      }
    }
    const calls = countServerCalls(withRemoteErrorCodes(shared.pool));
    const { tools } = calls;
    const memory = createChangeMemory(tools, { root: options.root, memoryFile: shared.memoryFile });
    return {
      pool: shared.pool,
      fromConfig: shared.fromConfig,
      tools,
      calls,
      graph: createCodeGraph(tools),
      search: createTextSearch(tools),
      ...(tools.serverNames().includes('pyrepl') ? { python: createPythonRunner(tools) } : {}),
      ...(shared.cache ? { cache: shared.cache } : {}),
      baseResults: createBaseResultCache({
        dir: path.join(options.root, STATE_DIR_NAME, 'base-results'),
        fingerprint: toolchainFingerprint(options.env),
      }),
      pressure: monitor,
      history,
      ...(memory ? { memory } : {}),
      spans: tracer,
      close: closers.close,
    };
  } catch (error) {
    await closers.close();
    throw error;
  }
}

type Closer = () => Promise<unknown> | unknown;

/** Closers run in reverse order with `allSettled`; `close` returns every failure's message. */
function createClosers(): { push: (fn: Closer) => void; close: () => Promise<string[]> } {
  const closers: Closer[] = [];
  return {
    push: (fn) => {
      closers.push(fn);
    },
    async close() {
      const settled = await Promise.allSettled(closers.reverse().map(async (fn) => fn()));
      closers.length = 0;
      return settled.flatMap((s) => (s.status === 'rejected' ? toMessages(s.reason) : []));
    },
  };
}

function toMessages(reason: unknown): string[] {
  if (reason instanceof AggregateError) return reason.errors.map(toErrorMessage);
  return [toErrorMessage(reason)];
}

function rejectAll(messages: string[]): void {
  if (messages.length > 0)
    throw new AggregateError(
      messages.map((m) => new Error(m)),
      messages.join('; '),
    );
}

type OpenOptions = { root: string; settings: ResolvedSettings; warn: (message: string) => void };

async function openCache(
  options: OpenOptions,
  push: (fn: Closer) => void,
): Promise<SliceCache | undefined> {
  try {
    const cache = new SliceCache({
      dir: path.join(options.root, STATE_DIR_NAME),
      cacheSizeMb: options.settings.cacheSizeMb,
      logger: { warn: options.warn },
    });
    await cache.initialize();
    push(() => cache.close());
    return cache;
  } catch (error) {
    options.warn(`SliceCache unavailable (${toErrorMessage(error)}); MAP runs without it.`);
    return undefined;
  }
}

async function openHistory(
  options: OpenOptions,
): Promise<(RunHistory & RunHistoryReader) | undefined> {
  try {
    return await openRunHistory(options.root, { logger: { warn: options.warn } });
  } catch (error) {
    options.warn(`Run history unavailable (${toErrorMessage(error)}); OPTIMIZE uses defaults.`);
    return undefined;
  }
}
