import type { IntentBase } from './intent.js';
import type { PhaseName } from './phase-names.js';
import type { PhaseOutputs } from './phase-outputs.js';
import type { ExecutionPlan } from './plan/execution-plan.js';
import type { IntentSource, PhaseSettingsEntry } from './plan/plan-schema.js';
import type {
  BaseResultCache,
  ChangeMemoryReader,
  CodeGraph,
  CommandRunner,
  GitService,
  PressureGauge,
  PythonRunner,
  RunFiles,
  RunHistoryReader,
  SliceStore,
  TextSearch,
  ToolCaller,
  WorkspaceFiles,
} from './services.js';
import type { ResolvedSettings } from './settings.js';

export { PHASE_NAMES, type PhaseName } from './phase-names.js';

/** A memory-pressure backoff taken before or during a phase. */
export interface Backoff {
  waitedMs: number;
  pressureCleared: boolean;
  parallelismBefore: number;
  parallelismAfter: number;
  gcSuggested: boolean;
}

/** The outcome of one phase, as the run reports it. */
export interface PhaseResult {
  phase: PhaseName;
  success: boolean;
  durationMs: number;
  tokenCount: number;
  retries: number;
  data: Record<string, unknown>;
  error?: { code: string; message: string };
  warnings: string[];
  backoffs: Backoff[];
}

/** Run-wide options the phases read. */
export interface RunOptions {
  /** Argv of the test command; undefined = detect. */
  testCommand?: string[];
  /** The plan to apply, for `apply`. */
  plan?: ExecutionPlan;
  /** Per-phase settings (from the plan being applied, else the defaults), validated. */
  phaseSettings: PhaseSettingsEntry[];
  /** Keep occurrences the analysis cannot resolve instead of refusing (named in the PR). */
  allowUnresolved: boolean;
  /** Set when a model planner chose the intent (recorded in the plan). */
  intentSource?: IntentSource;
  /** How to compile the changed tree when the run says (`--compile-command`, `--no-compile`). */
  compile?: { kind: 'command'; command: string[] } | { kind: 'none' };
  /** Run the tests at the base commit before the change, not only after they fail. @default false */
  baselineTests?: boolean;
}

/** Everything a phase may use. Services arrive as interfaces, so a phase can be tested alone. */
export interface PhaseContext {
  readonly runId: string;
  readonly command: string;
  readonly intent: IntentBase;
  /** The git top level of the user's checkout. */
  readonly workspace: string;
  /** The commit the change is planned on and made from (HEAD at the start, or the plan's base). */
  readonly baseCommit: string;
  readonly settings: ResolvedSettings;
  readonly options: RunOptions;
  readonly signal: AbortSignal;
  readonly tools: ToolCaller;
  /** Typed queries of the dependency_graph server. */
  readonly graph: CodeGraph;
  /** Whole-word text search (the ripgrep server). */
  readonly search: TextSearch;
  readonly git: GitService;
  readonly commands: CommandRunner;
  /** The user's checkout, read-only for phases. */
  readonly files: Pick<WorkspaceFiles, 'root' | 'readText'>;
  /** The run folder (plan.json, diff.patch, …). */
  readonly runFiles: RunFiles;
  readonly cache?: SliceStore;
  /** Results computed at the base commit in earlier runs (base diagnostics, compile output). */
  readonly baseResults?: BaseResultCache;
  readonly pressure?: PressureGauge;
  readonly history?: RunHistoryReader;
  /** Earlier runs the memory server recorded (absent when no memory server is configured). */
  readonly memory?: ChangeMemoryReader;
  /** Python code in a persistent interpreter (the pyrepl server), when it is configured. */
  readonly python?: PythonRunner;
  /** Current parallelism; the runner halves it under memory pressure. */
  parallelism: number;
  warn(message: string): void;
  progress(message: string): void;
}

/** What earlier phases handed on; read-only for every phase. */
export type Upstream = Readonly<Partial<PhaseOutputs>>;

/** What a phase hands back: its typed output, its report data, and the context it would hand a model. */
export type PhaseOutcome<T> =
  | { success: true; output: T; data: Record<string, unknown>; contextPack: string }
  | {
      success: false;
      data: Record<string, unknown>;
      contextPack: string;
      error: { code: string; message: string };
    };

/** One step of the pipeline. */
export interface Phase<N extends PhaseName = PhaseName> {
  readonly name: N;
  run(context: PhaseContext, upstream: Upstream): Promise<PhaseOutcome<PhaseOutputs[N]>>;
}

/** Any phase, whatever its output type. */
export type AnyPhase = { [N in PhaseName]: Phase<N> }[PhaseName];
