import type { FileChange } from './change/change-types.js';

/**
 * The service interfaces phases see through their `PhaseContext`. Concrete services live in
 * `mcp/`, `cache/`, `pressure/`, `vcs/` and `telemetry/`; `orchestrator.ts` wires them in.
 */

/** Options for one MCP tool call. */
export interface ToolCallOptions {
  signal?: AbortSignal;
  /** Deadline for this call. @default 30000 */
  timeoutMs?: number;
}

/** Calls tools on named MCP servers (the client pool). */
export interface ToolCaller {
  /** Names of servers that are configured (connected or not). */
  serverNames(): string[];
  /** True when `server` is connected and lists `tool`. */
  hasTool(server: string, tool: string): boolean;
  /**
   * Calls `tool` on `server` and returns its structured result (or its JSON text parsed).
   * Throws `MCP_TOOL_FAILED` for a tool error, `MCP_TIMEOUT`, `MCP_SERVER_UNAVAILABLE`.
   */
  callTool<T = Record<string, unknown>>(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    options?: ToolCallOptions,
  ): Promise<T>;
  /** Total reconnects since the pool started. */
  reconnectCount(): number;
}

/** A cached code slice. */
export interface SliceData {
  file: string;
  content: string;
  [key: string]: unknown;
}

/** The SliceCache as MAP uses it. */
export interface SliceStore {
  retrieve(sliceHash: string): Promise<(SliceData & { vector?: number[] }) | null>;
  storeMany(
    items: ReadonlyArray<{ sliceHash: string; data: SliceData; vector?: Float32Array | number[] }>,
  ): Promise<void>;
  searchSimilar(
    queryVector: Float32Array | number[],
    topK: number,
  ): Promise<Array<{ hash: string; score: number }>>;
  embed(text: string): Promise<Float32Array>;
}

/** Memory pressure as the pipeline consults it. */
export interface PressureGauge {
  isPressureHigh(): boolean;
  waitForLowPressure(timeoutMs: number, options?: { signal?: AbortSignal }): Promise<boolean>;
  suggestGc(): boolean;
  /** Current memory use of this process and its children, in MB. */
  treeRssMb(): number;
}

/** A branch checked out in its own worktree, owned by one run. */
export interface WorktreeHandle {
  readonly path: string;
  readonly branch: string;
  readonly baseCommit: string;
  /** Stages exactly `files` (nothing else: no caches, no dependency links) and commits them. */
  commitFiles(
    files: readonly string[],
    message: string,
    options?: { signal?: AbortSignal },
  ): Promise<string>;
  diffPatch(): Promise<string>;
  diffStat(): Promise<{
    files: Array<{ file: string; additions: number; deletions: number }>;
    additions: number;
    deletions: number;
  }>;
  /** Removes worktree and branch. Idempotent; never cancelled by the run's signal. */
  rollback(): Promise<void>;
  /** After success: removes the worktree directory, keeps the branch. Idempotent. */
  release(): Promise<void>;
}

/** Git as EXECUTE and REVIEW need it. */
export interface GitService {
  readonly root: string;
  /** Files of the checkout with uncommitted changes (untracked included), sorted. */
  dirtyFiles(options?: { signal?: AbortSignal }): Promise<string[]>;
  /** Every file tracked at `revision`. */
  trackedFiles(revision: string, options?: { signal?: AbortSignal }): Promise<Set<string>>;
  /**
   * Whole-word occurrences of `name` per tracked file (git's word characters): at `revision`,
   * or in the working tree of the folder `cwd` (a run's worktree).
   */
  countWholeWord(
    name: string,
    where: { revision: string } | { cwd: string },
    options?: { signal?: AbortSignal },
  ): Promise<Record<string, number>>;
  /**
   * Creates branch `mcp-orchestrator/<slug of branchHint>` (made unique) at `baseCommit` in a
   * fresh worktree, with the checkout's dependencies linked in.
   */
  createWorktree(options: {
    branchHint: string;
    baseCommit: string;
    signal?: AbortSignal;
  }): Promise<{ worktree: WorktreeHandle; linkedDependencies: string[] }>;
  /** The Python interpreter the checkout uses (its virtualenv's, else `python3`). */
  pythonInterpreter(): string;
}

/** Counts and trims tokens with a real tokenizer. */
export interface TokenCounter {
  count(text: string): number;
  trim(text: string, budget: number): { text: string; tokens: number; trimmed: boolean };
}

/** Wraps work in a trace span. */
export interface SpanRunner {
  withSpan<T>(
    name: string,
    attributes: Record<string, string | number | boolean>,
    body: () => Promise<T>,
  ): Promise<T>;
}

/** What OPTIMIZE learns from earlier runs. */
export interface RunHistorySummary {
  runs: number;
  /** `null` with no runs. */
  successRate: number | null;
  /** `null` when no run ran tests. */
  medianTestDurationMs: number | null;
  medianDurationMs: number | null;
}

/** Earlier runs, read-only, as OPTIMIZE sees them. */
export interface RunHistoryReader {
  summary(filter: { kind: string; language: string }): RunHistorySummary;
}

/** How a command run through a {@link CommandRunner} ended. */
export interface CommandResult {
  /** Exit code; null when the process was killed by a signal or could not start. */
  exitCode: number | null;
  durationMs: number;
  /** The deadline passed and the whole process tree was stopped. */
  timedOut: boolean;
  /** The signal aborted and the whole process tree was stopped. */
  cancelled: boolean;
  /** The last bytes of stdout and stderr, interleaved as they arrived. */
  outputTail: string;
}

/** Options for one {@link CommandRunner.run}. */
export interface CommandRunOptions {
  cwd: string;
  /** The child's whole environment. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Deadline in ms: past it the whole process tree (new sessions included) is stopped. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Bytes of output kept in `outputTail`. @default 8000 */
  tailBytes?: number;
}

/** Runs shell-free argv commands (tests, compile checks) for the phases. */
export interface CommandRunner {
  /** Never rejects for a failing command: a non-zero exit, a timeout or an abort is a value. */
  run(argv: readonly string[], options: CommandRunOptions): Promise<CommandResult>;
}

/** What applying a set of file changes did. */
export interface AppliedChanges {
  filesChanged: number;
  editsApplied: number;
}

/**
 * The files of one folder (the checkout, or a run's worktree), read and written the way a
 * refactoring must: decoded with the file's own encoding (BOM, PEP 263 cookie), bytes outside
 * edited ranges kept identical, never through a symbolic link, never outside the folder.
 */
export interface WorkspaceFiles {
  /** Absolute real path of the folder. */
  readonly root: string;
  /** The decoded text of a workspace-relative file. Throws `FILE_UNDECODABLE`, `UNSAFE_PATH`, `PATH_OUTSIDE_WORKSPACE`. */
  readText(file: string, options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Checks every change first (paths, expected old text, targets that must or must not exist),
   * then applies them: edits, then moves, creates and deletes. Throws `PLAN_INVALID` naming the
   * file, position and text when a change does not match the files.
   */
  applyChanges(
    changes: readonly FileChange[],
    options?: { signal?: AbortSignal },
  ): Promise<AppliedChanges>;
}
