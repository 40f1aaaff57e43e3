import type { FileChange } from './change/change-types.js';
import type { DiagnosticsReport } from './diagnostics.js';
import type { TextOccurrence } from './phase-outputs.js';
import type {
  CallSite,
  ImportEdge,
  LanguageId,
  SkippedSource,
  SourcePosition,
  SymbolDefinition,
  SymbolReference,
} from './source-types.js';

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

/**
 * Results computed at a base commit and kept across runs. The key names everything the value
 * depends on in this repository (the base commit, the files, the command); the store adds the
 * tool versions and the environment. A miss is `undefined`; a failed write is silent.
 */
export interface BaseResultCache {
  get(key: readonly unknown[]): Promise<unknown>;
  set(key: readonly unknown[], value: unknown): Promise<void>;
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
  /** The worktree's files (edits are applied through it). */
  readonly files: WorkspaceFiles;
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

/** A whole-word occurrence found by {@link GitService.findWholeWord}. */
export interface WordPosition {
  file: string;
  line: number;
  column: number;
  lineText: string;
}

/** Git as the phases need it. */
export interface GitService {
  readonly root: string;
  /** The commit the checkout has checked out. */
  headCommit(options?: { signal?: AbortSignal }): Promise<string>;
  /** Files of the checkout with uncommitted changes (untracked included), sorted. */
  dirtyFiles(options?: { signal?: AbortSignal }): Promise<string[]>;
  /** Every file tracked at `revision`. */
  trackedFiles(revision: string, options?: { signal?: AbortSignal }): Promise<Set<string>>;
  /**
   * Every whole-word occurrence of `word` (ASCII letters, digits, `_` and `$` are word
   * characters) in tracked files: at `revision`, or in the working tree of the folder `cwd` (a
   * run's worktree); sorted by file, line, column. Columns count UTF-16 code units.
   */
  findWholeWord(
    word: string,
    where: { revision: string } | { cwd: string },
    options?: { signal?: AbortSignal },
  ): Promise<WordPosition[]>;
  /**
   * Creates branch `mcp-orchestrator/<slug of branchHint>` (made unique) at `baseCommit` in a
   * fresh worktree, with the checkout's dependencies linked in. The run rolls it back or
   * releases it when it ends.
   */
  createWorktree(options: {
    branchHint: string;
    baseCommit: string;
    /**
     * A throw-away worktree (to run something at the base): not the run's change, so the run
     * neither journals nor settles it — the caller rolls it back. @default false
     */
    scratch?: boolean;
    signal?: AbortSignal;
  }): Promise<{ worktree: WorktreeHandle; linkedDependencies: string[] }>;
  /** The Python interpreter the checkout uses (its virtualenv's, else `python3`). */
  pythonInterpreter(): string;
}

/** Files of the run folder, `.mcp-orchestrator/runs/<runId>/`. */
export interface RunFiles {
  readonly dir: string;
  /** Writes `name` (a path inside the run folder) and returns its absolute path. */
  writeText(name: string, text: string): Promise<string>;
}

/** What the language server says is at a text position. */
export interface PositionClass {
  file: string;
  line: number;
  column: number;
  /**
   * Where the position lies: in code, a comment, a string (docstrings included), or in a file
   * no language server reads (`text`: docs, configuration).
   */
  kind: 'code' | 'comment' | 'string' | 'text';
  /** For code: the workspace declaration the name there resolves to, when the server resolves it. */
  declaration?: SymbolDefinition;
  /** For code resolved outside the workspace (a library, the standard library): where. */
  externalDeclaration?: string;
  /** For code where the name is a member (`x.name`): what it is a member of. */
  member?: {
    /** The object's source text (`ledger`, `self.items`, `pkg.errors`), at most 80 characters. */
    object: string;
    /** True when the object is a module (an imported module, a namespace import, a require). */
    objectIsModule: boolean;
  };
}

/** Where a transform's language half starts: a file, or a position in it. */
export interface TransformTarget {
  file: string;
  line?: number;
  column?: number;
}

/** What a transform's language half computed. */
export interface ComputedEdits {
  changes: FileChange[];
  /** The transform's own facts (collisions, a closure, …), validated by the transform. */
  facts: Record<string, unknown>;
}

/** A file as a query should see it: its new text, or `null` when it is gone. */
export interface OverlayEntry {
  file: string;
  text: string | null;
}

/** Options of every {@link CodeGraph} query. */
export interface GraphQueryOptions {
  signal?: AbortSignal;
  language?: LanguageId;
}

/** The dependency_graph server's generic queries, typed and checked against the contracts. */
export interface CodeGraph {
  /**
   * Declarations named `name` (not in dependencies), sorted; files too large, minified or
   * generated to parse are left out and handed to `options.onSkipped`.
   */
  definitions(
    name: string,
    options?: GraphQueryOptions & { onSkipped?: (skipped: SkippedSource[]) => void },
  ): Promise<SymbolDefinition[]>;
  /** Every use of the symbol at `at`, declarations included, sorted. */
  references(at: SourcePosition, options?: GraphQueryOptions): Promise<SymbolReference[]>;
  /** Call sites of the function or method at `at`, sorted. */
  callers(at: SourcePosition, options?: GraphQueryOptions): Promise<CallSite[]>;
  /** The import graph between workspace files. */
  importGraph(options?: GraphQueryOptions): Promise<ImportEdge[]>;
  /** What each position holds (code, comment, string) and, in code, what its name resolves to. */
  classify(
    positions: readonly SourcePosition[],
    options?: GraphQueryOptions,
  ): Promise<PositionClass[]>;
  /**
   * Asks transform `transform`'s language half for its edits at `at` — on the files as they
   * are, or as `overlay` says they are (a changed tree).
   */
  computeEdits(
    transform: string,
    at: TransformTarget,
    args: Record<string, unknown>,
    options?: GraphQueryOptions & { overlay?: readonly OverlayEntry[] },
  ): Promise<ComputedEdits>;
  /**
   * The type checkers' findings for `files` (and their importers), as `overlay` says they are;
   * `timeoutMs` replaces the analysis deadline (a check of thousands of files takes minutes).
   */
  diagnostics(
    request: { files: readonly string[]; importers?: boolean; overlay?: readonly OverlayEntry[] },
    options?: GraphQueryOptions & { timeoutMs?: number },
  ): Promise<DiagnosticsReport>;
}

/** Whole-word text search over the checkout (the ripgrep server). */
export interface TextSearch {
  /** Every whole-word occurrence of `word` in files ripgrep searches, sorted. */
  findWord(word: string, options?: { signal?: AbortSignal }): Promise<TextOccurrence[]>;
  /** Identifiers in the workspace that look like `name`, closest first. */
  similarNames(name: string, options?: { signal?: AbortSignal; limit?: number }): Promise<string[]>;
}

/** Counts and trims tokens with a real tokenizer. */
export interface TokenCounter {
  count(text: string): number;
  trim(text: string, budget: number): { text: string; tokens: number; trimmed: boolean };
}

export type {
  ChangeMemoryReader,
  RememberedRun,
  RunHistoryReader,
  RunHistorySummary,
  RunSample,
} from './history-services.js';
export type { SpanRunner } from './spans.js';

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
  /** Variables set (or, as undefined, removed) over the runner's own environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Deadline in ms: past it the whole process tree (new sessions included) is stopped. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Bytes of output kept in `outputTail`. @default 8000 */
  tailBytes?: number;
  /** What the command is for, named in its trace span (`test`, `compile`). @default 'command' */
  label?: string;
}

/** Runs shell-free argv commands (tests, compile checks) for the phases. */
export interface CommandRunner {
  /** Never rejects for a failing command: a non-zero exit, a timeout or an abort is a value. */
  run(argv: readonly string[], options: CommandRunOptions): Promise<CommandResult>;
}

/** A file the exact writer wrote itself instead of the filesystem MCP server, and why. */
export interface DirectWrite {
  /** The path as the change names it. */
  file: string;
  reason: string;
}

/** Which writes went through the filesystem MCP server, and which did not (and why). */
export interface WriteRoutes {
  /** File changes (edits, creates, moves) the filesystem server made. */
  filesystemServer: number;
  /** File changes the exact writer made itself, in plan order. */
  direct: DirectWrite[];
  /**
   * How long the writes waited for the server to be up and rooted at the folder, in ms (0 when
   * nothing went through it): what its start, overlapped with the run's earlier work, still cost.
   */
  serverWaitMs: number;
}

/** What applying a set of file changes did. */
export interface AppliedChanges {
  filesChanged: number;
  editsApplied: number;
  /** How the changes were written; absent when no filesystem server was given. */
  writes?: WriteRoutes;
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

/** What one piece of Python code did in a {@link PythonRunner}'s interpreter. */
export interface PythonExecution {
  stdout: string;
  stderr: string;
  /** `repr()` of the code's last expression when it is not None. */
  value: string | null;
  error: { type: string; message: string; traceback: string } | null;
  timedOut: boolean;
}

/** Runs Python code in a persistent interpreter per workspace (the pyrepl server). */
export interface PythonRunner {
  /**
   * Runs `code` with `workspace` (an absolute folder, e.g. the run's worktree) as its current
   * folder and first `sys.path` entry. Throws when the server cannot be reached.
   */
  execute(
    code: string,
    options: {
      workspace: string;
      timeoutMs?: number;
      /** Characters kept of stdout, of stderr and of the value each (the server's default: 65,536). */
      maxOutputChars?: number;
      signal?: AbortSignal;
    },
  ): Promise<PythonExecution>;
}
