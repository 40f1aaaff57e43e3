import type { Intent } from './intent.js';
import type { RunState } from './phase-outputs.js';
import type { ExecutionPlan } from './plan/execution-plan.js';
import type { PhaseSettings } from './plan/plan-schema.js';
import type {
  GitService,
  PressureGauge,
  RunHistoryReader,
  SliceStore,
  ToolCaller,
} from './services.js';
import type { ResolvedSettings } from './settings.js';

export const PHASE_NAMES = [
  'map',
  'logic',
  'monte_carlo',
  'plan',
  'optimize',
  'execute',
  'review',
] as const;

export type PhaseName = (typeof PHASE_NAMES)[number];

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
  /** Per-phase settings (from the plan being applied, else the defaults). */
  phaseSettings: PhaseSettings[];
}

/** Everything a phase may use. Services arrive as interfaces, so a phase can be tested alone. */
export interface PhaseContext {
  readonly runId: string;
  readonly command: string;
  readonly intent: Intent;
  /** The git top level of the user's checkout. */
  readonly workspace: string;
  /** The commit the change is planned on and made from (HEAD at the start, or the plan's base). */
  readonly baseCommit: string;
  readonly runDir: string;
  readonly settings: ResolvedSettings;
  readonly options: RunOptions;
  readonly signal: AbortSignal;
  readonly tools: ToolCaller;
  readonly git: GitService;
  readonly cache?: SliceStore;
  readonly pressure?: PressureGauge;
  readonly history?: RunHistoryReader;
  readonly state: RunState;
  /** Current parallelism; the runner halves it under memory pressure. */
  parallelism: number;
  warn(message: string): void;
  progress(message: string): void;
}

/** What a phase hands back: its data, and the context it would hand a model. */
export interface PhaseOutcome {
  success: boolean;
  data: Record<string, unknown>;
  contextPack: string;
  error?: { code: string; message: string };
}

/** One step of the pipeline. */
export interface Phase {
  readonly name: PhaseName;
  run(context: PhaseContext): Promise<PhaseOutcome>;
}

/** Settings of `phase` in the run's options. */
export function findPhaseSettings<P extends PhaseSettings['phase']>(
  options: RunOptions,
  phase: P,
): Extract<PhaseSettings, { phase: P }> | undefined {
  return options.phaseSettings.find((entry) => entry.phase === phase) as
    | Extract<PhaseSettings, { phase: P }>
    | undefined;
}

/** The default per-phase settings, in the original design's shape. */
export function createDefaultPhaseSettings(): PhaseSettings[] {
  return [
    { phase: 'map', targets: ['ripgrep', 'dependency_graph', 'slice_cache'] },
    { phase: 'logic' },
    { phase: 'monte_carlo', duration_limit_ms: 15_000, seed: 1 },
    { phase: 'plan' },
    { phase: 'optimize' },
    { phase: 'execute' },
    { phase: 'review' },
  ];
}
