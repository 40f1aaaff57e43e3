import type { LeftAlone } from '../core/change/verify-types.js';
import type { ModelUsageReport } from '../core/model-usage.js';
import type { PhaseResult } from '../core/phase.js';
import type { RiskOutput } from '../core/phase-outputs.js';
import type { WriteRoutes } from '../core/services.js';
import type { IntentPlanner } from '../intent/planners/intent-planner.js';
import type { PlannerMode } from '../intent/understand-command.js';
import type { PullRequest } from '../vcs/pull-request.js';
import type { CheckoutChange } from '../vcs/snapshot-checkout.js';
import type { GithubTarget } from './publish-pull-request.js';
import type { PredictionCheck } from './to-prediction-check.js';

/** Options for one run (`run`, `plan`, `apply`). */
export interface RunCommandOptions {
  /** Any folder inside the git repository; the whole repository is analysed. @default process.cwd() */
  workspace?: string;
  /** Stop after PLAN: nothing but the run folder is written. @default false */
  dryRun?: boolean;
  /**
   * Per-phase settings in the plan's `phases` shape, merged over the defaults by phase name,
   * e.g. `[{"phase": "map", "targets": ["ripgrep"]}]`.
   */
  phaseSettings?: unknown;
  /** Shell command that runs the tests; detected when absent. */
  testCommand?: string;
  /**
   * Shell command that compiles the changed tree, instead of the language servers' type
   * check; only output that is new against the base fails the run.
   */
  compileCommand?: string;
  /** Skip the compile check. @default false */
  noCompile?: boolean;
  /**
   * Deadline for the tests, in ms (`--test-timeout`); recorded in the plan as EXECUTE's
   * `test_timeout_ms`. @default OPTIMIZE decides: 10 minutes, or 5× the median test time of
   * earlier runs of the same kind and language, at least 2 minutes
   */
  testTimeoutMs?: number;
  /**
   * `apply` only: run a plan's test command and compile check as written even when they are not
   * the ones this machine would choose (they are named in a warning first). @default false
   */
  trustPlanCommands?: boolean;
  /** Run even when the checkout has uncommitted changes. @default false */
  allowDirty?: boolean;
  /**
   * Keep occurrences the analysis cannot resolve instead of refusing (they are named in the
   * result and the pull request). @default false
   */
  allowUnresolved?: boolean;
  /**
   * When tests or checks fail, commit the change on its branch and keep it, renamed
   * `<branch>-failed`, instead of deleting it (diff.patch is written either way). @default false
   */
  keepFailed?: boolean;
  /**
   * Run the tests at the base commit before the change, so a failure says whether they were
   * already failing. Without it they run there only when they fail on the branch. @default false
   */
  baselineTests?: boolean;
  /** Where to write pr.json as well as the run folder. */
  outputPath?: string;
  signal?: AbortSignal;
  /** Called as each phase starts, reports progress and ends. */
  onEvent?: (event: RunEvent) => void;
  /** Push the branch and open a GitHub pull request after a successful run (needs GITHUB_TOKEN). */
  github?: GithubTarget;
  /** Environment to read settings from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Who reads a command in words: `auto` (the grammar, then the model planner when one is
   * configured and the grammar cannot place the command), `grammar`, or `model`. @default 'auto'
   */
  plannerMode?: PlannerMode;
  /**
   * The model planner to ask (e.g. MCP sampling through the connected client). @default the one
   * `ORCHESTRATOR_PLANNER` configures, or none
   */
  planner?: IntentPlanner;
}

/** Live progress of a run. */
export type RunEvent =
  | { type: 'phase-start'; phase: string }
  | { type: 'progress'; phase: string; message: string }
  | { type: 'warning'; message: string }
  | { type: 'phase-end'; result: PhaseResult };

/** The pull request a successful run proposes; `url` and `number` once opened on GitHub. */
export type PullRequestSummary = PullRequest & { url?: string; number?: number };

/** What one run returns (and writes to result.json). */
export interface RunResult {
  success: boolean;
  command: string;
  runId: string;
  runDir: string;
  durationMs: number;
  /** Tokens of the phases' context packs (cl100k_base), as the phase table's "context" column. */
  totalTokens: number;
  /**
   * Model tokens from the APIs' usage figures: per step (`intent`: reading the command) and in
   * total. No phases and zeros when no model was asked.
   */
  modelTokens: ModelUsageReport;
  phases: PhaseResult[];
  branch: string | null;
  commit: string | null;
  /** Path of the plan.json the run made or applied. */
  plan: string | null;
  pr: PullRequestSummary | null;
  memoryPeakMb: number;
  risk: RiskOutput | null;
  diffStat: {
    files: Array<{ file: string; additions: number; deletions: number }>;
    additions: number;
    deletions: number;
  } | null;
  /**
   * The run folder's diff.patch: what was committed, what a dry run would change (a preview),
   * or the change that failed; null when there is none.
   */
  patch: string | null;
  /** How big the planned change is: edits (a created, deleted or moved file counts one) and files. */
  changeSize: { edits: number; files: number } | null;
  /** With `keepFailed`, the branch that holds the failed change (`…-failed`). */
  keptBranch: string | null;
  /** Occurrences of the changed names the change deliberately left alone, and why. */
  leftAlone: LeftAlone[];
  /**
   * What changed in the user's checkout while the run's tests ran (a test suite that wrote
   * outside its worktree); any entry fails the run with `CHECKOUT_CHANGED`.
   */
  checkoutChanges: CheckoutChange[];
  /**
   * OPTIMIZE's predicted test time and memory peak beside the measured ones (also stored in the
   * run history, where `stats` reports the prediction error); `null` when the run stopped
   * before OPTIMIZE.
   */
  prediction: PredictionCheck | null;
  warnings: string[];
  error: { code: string; message: string } | null;
  /**
   * Only for an orchestrator that keeps services warm: whether the run found them open, and what
   * changed in the checkout since the last run (told to the servers before this one).
   */
  warm?: { reused: boolean; headMoved: boolean; changedFiles: number };
  /** Tool calls the run made, per server and per stage (a phase, `setup`, or `record`). */
  serverCalls?: Record<string, Record<string, number>>;
  /**
   * How EXECUTE wrote the change: the file changes the filesystem MCP server made, and those the
   * exact writer made itself with the reason (deletes; files not UTF-8 or with CRLF line ends);
   * null when EXECUTE wrote nothing.
   */
  writes: WriteRoutes | null;
}
