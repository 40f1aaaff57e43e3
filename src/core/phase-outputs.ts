import type { ExecutionPlan } from './plan/execution-plan.js';
import type { WorktreeHandle } from './services.js';
import type {
  CallSite,
  ImportEdge,
  LanguageId,
  SourceRange,
  SymbolDefinition,
  SymbolReference,
  TextEdit,
} from './source-types.js';

/** How one MAP source fared. */
export interface SourceReport {
  name: 'ripgrep' | 'dependency_graph' | 'slice_cache';
  status: 'ok' | 'failed' | 'skipped';
  durationMs: number;
  items: number;
  error?: string;
}

/** A whole-word text hit of the symbol's name. */
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

export interface MapOutput {
  name: string;
  occurrences: TextOccurrence[];
  definitions: SymbolDefinition[];
  slices: SliceRef[];
  similarFiles: Array<{ file: string; score: number }>;
  sources: SourceReport[];
}

/** A text hit of the old name that the rename leaves alone, and why. */
export interface ExcludedOccurrence extends SourceRange {
  reason: string;
}

export interface LogicOutput {
  target: SymbolDefinition;
  language: LanguageId;
  edits: TextEdit[];
  references: SymbolReference[];
  callers: CallSite[];
  importEdges: ImportEdge[];
  editedFiles: string[];
  /** Edited files plus every file that imports one of them, transitively. */
  affectedFiles: string[];
  excluded: ExcludedOccurrence[];
  /** Whole-word occurrences of the old name each file keeps after the rename. */
  remainingByFile: Record<string, number>;
  /** 0..1 per edited file: how sure the analysis is of that file's edits. */
  certaintyByFile: Record<string, number>;
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
  testsToRun: string[];
  riskiestFiles: Array<{ file: string; pBreak: number }>;
}

export interface PlanOutput {
  plan: ExecutionPlan;
  planPath: string;
}

export interface OptimizeOutput {
  parallelism: number;
  batchSize: number;
  testTimeoutMs: number;
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
}

export interface ExecuteOutput {
  worktreePath: string;
  branch: string;
  filesChanged: number;
  editsApplied: number;
  linkedDependencies: string[];
  test: TestRunReport;
}

export interface CompileReport {
  kind: 'tsc' | 'py_compile' | 'none';
  passed: boolean;
  durationMs: number;
  outputTail: string;
}

export interface ReviewOutput {
  staleReferences: Array<{ file: string; line: number; lineText: string }>;
  compile: CompileReport;
  testsPassed: boolean;
  commit: string;
  diffStat: {
    files: Array<{ file: string; additions: number; deletions: number }>;
    additions: number;
    deletions: number;
  };
}

/** What the phases of one run hand each other. */
export interface RunState {
  map?: MapOutput;
  logic?: LogicOutput;
  risk?: RiskOutput;
  plan?: PlanOutput;
  optimize?: OptimizeOutput;
  execute?: ExecuteOutput;
  review?: ReviewOutput;
  /** The run's worktree, from EXECUTE until the run ends. */
  worktree?: WorktreeHandle;
}
