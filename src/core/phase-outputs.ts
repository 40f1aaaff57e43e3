import type { FileChange } from './change/change-types.js';
import type { LeftAlone, VerifyCheck } from './change/verify-types.js';
import type { ExecutionPlan } from './plan/execution-plan.js';
import type { CompileSetting } from './plan/plan-schema.js';
import type { WorktreeHandle } from './services.js';
import type { ImportEdge, LanguageId, SourceRange, SymbolDefinition } from './source-types.js';

/** How one MAP source fared. */
export interface SourceReport {
  name: 'ripgrep' | 'dependency_graph' | 'slice_cache';
  status: 'ok' | 'failed' | 'skipped';
  durationMs: number;
  items: number;
  error?: string;
}

/** A whole-word text hit of a searched word. */
export interface TextOccurrence extends SourceRange {
  lineText: string;
}

/** A cached slice around an occurrence. */
export interface SliceRef {
  hash: string;
  file: string;
  startLine: number;
  endLine: number;
  cached: boolean;
}

/** What MAP found for the words and names the transform asked about. */
export interface MapOutput {
  /** Whole-word text hits per searched word. */
  occurrences: Readonly<Record<string, readonly TextOccurrence[]>>;
  /** Declarations per looked-up name; a name is absent when dependency_graph was skipped. */
  definitions: Readonly<Record<string, readonly SymbolDefinition[]>>;
  /** Workspace files the transform named (a module, a scope), as the transform resolved them. */
  files: readonly string[];
  slices: SliceRef[];
  similarFiles: Array<{ file: string; score: number }>;
  sources: SourceReport[];
}

/** What LOGIC decided: the exact change, what it leaves alone, and how REVIEW checks it. */
export interface LogicOutput {
  language: LanguageId;
  /** The declarations the change is about (the renamed symbol, the converted functions, …). */
  targets: SymbolDefinition[];
  /** Sorted by file; edits inside a file sorted by position. */
  changes: FileChange[];
  /** Every path the change touches (edited, created, deleted, moved from or to), sorted. */
  changedFiles: string[];
  /** Changed files plus every file that imports one of them, transitively; sorted. */
  affectedFiles: string[];
  importEdges: ImportEdge[];
  /** Occurrences deliberately left alone, and why. */
  leftAlone: LeftAlone[];
  /** Post-conditions REVIEW checks (the transform's own). */
  verify: VerifyCheck[];
  /** Names whose importers are most at risk when an edit is wrong (Monte Carlo). */
  riskNames: string[];
  /** 0..1 per changed file: how sure the analysis is of that file's edits. */
  certaintyByFile: Record<string, number>;
  /** Transform-specific facts for the plan (a make-async closure, boundaries, …). */
  details: Record<string, unknown>;
  /** The commit message's first line, e.g. `Rename post_entry to record_entry`. */
  title: string;
  /** Lines for the context pack and the explanation. */
  summary: string[];
}

export interface RiskOutput {
  seed: number;
  simulations: number;
  converged: boolean;
  durationLimitMs: number;
  /** Probability that the change breaks at least one file that no test covers. */
  pBreakUncovered: number;
  /** Probability that the change breaks at least one file. */
  pBreak: number;
  blastRadius: { p50: number; p95: number; max: number };
  /** Simulations per number of files broken (counts above 0 only), fewest files first. */
  blastRadiusHistogram: Array<{ files: number; simulations: number }>;
  testsToRun: string[];
  riskiestFiles: Array<{ file: string; pBreak: number }>;
}

export interface PlanOutput {
  plan: ExecutionPlan;
  planPath: string;
}

export interface OptimizeOutput {
  /** Test workers (1 when the test runner takes no worker count). */
  parallelism: number;
  batchSize: number;
  testTimeoutMs: number;
  /** The argv EXECUTE runs for the tests: the test node's command with what its runner allows (fail-fast, workers, the tests that reach the change first). */
  testCommand: string[];
  /** What OPTIMIZE predicted, stored in the run history beside what happened. */
  prediction: {
    model: 'linear' | 'median' | 'rules';
    /** Earlier runs the model was fitted to. */
    runs: number;
    testDurationMs: number | null;
    memoryPeakMb: number | null;
  };
  reasons: string[];
}

export interface TestRunReport {
  command: string[];
  exitCode: number | null;
  passed: boolean;
  durationMs: number;
  timedOut: boolean;
  /** The last lines of the test output. */
  outputTail: string;
  /**
   * The same tests at the base commit: run when they failed on the branch, or first with
   * `baselineTests`; absent when they did not run there.
   */
  baseline?: BaselineTestReport;
}

/** The tests at the base commit, to tell a failure the change caused from one it found. */
export interface BaselineTestReport {
  passed: boolean;
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
}

export interface CompileReport {
  setting: CompileSetting;
  passed: boolean;
  durationMs: number;
  /** What ran, or why nothing did. */
  description: string;
  /** How the check was made (for the language servers' check: incremental, which program). */
  method?: string;
  outputTail: string;
}

export interface ExecuteOutput {
  worktree: WorktreeHandle;
  filesChanged: number;
  editsApplied: number;
  linkedDependencies: string[];
  test: TestRunReport;
  compile: CompileReport;
  /** The import check of the changed Python modules (pyrepl), when it ran. */
  pythonImports?: PythonImportReport;
  /** The transform's own checks before the tests, when it has some and they ran. */
  earlyChecks?: EarlyChecksReport;
}

/** What a transform's checks before the tests found (make_async: callers holding coroutines). */
export interface EarlyChecksReport {
  /** What the change broke: each fails the run. */
  problems: string[];
  /** What could not be checked. */
  notes: string[];
}

/** What importing the changed Python modules in the worktree found. */
export interface PythonImportReport {
  /** Modules imported without an error. */
  imported: string[];
  /** What the change broke: each fails the run. */
  problems: string[];
  /** What could not be checked, or is the environment's doing (warnings). */
  notes: string[];
}

export interface ReviewOutput {
  problems: string[];
  compile: CompileReport;
  testsPassed: boolean;
  commit: string;
  diffStat: {
    files: Array<{ file: string; additions: number; deletions: number }>;
    additions: number;
    deletions: number;
  };
}

/** Each phase's typed output, by phase name. */
export interface PhaseOutputs {
  map: MapOutput;
  logic: LogicOutput;
  monte_carlo: RiskOutput;
  plan: PlanOutput;
  optimize: OptimizeOutput;
  execute: ExecuteOutput;
  review: ReviewOutput;
}
