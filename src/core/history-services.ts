/** What the phases read of earlier runs: the run history (OPTIMIZE) and the memory server's record (LOGIC). */

/** What OPTIMIZE learns from earlier runs. */
export interface RunHistorySummary {
  runs: number;
  /** `null` with no runs. */
  successRate: number | null;
  /** `null` when no run ran tests. */
  medianTestDurationMs: number | null;
  medianDurationMs: number | null;
}

/** An earlier run that changed code, as the memory server recorded it. */
export interface RememberedRun {
  runId: string;
  command: string;
  kind: string;
  /** When the run ended (ISO time). */
  at: string;
  branch: string;
  commit: string;
  /** The commit the change was made from. */
  base: string;
  /** The symbols it changed (declared names, and a rename's new name). */
  symbols: string[];
  /** The files it changed. */
  files: string[];
}

/** Earlier runs that changed a symbol and are not merged yet, as LOGIC asks the memory server. */
export interface ChangeMemoryReader {
  /**
   * The recorded runs that changed one of `symbols` and whose commit is not in `base`'s
   * history, oldest first; empty when nothing was recorded.
   */
  unmergedChanges(
    symbols: readonly string[],
    base: string,
    options?: { signal?: AbortSignal },
  ): Promise<RememberedRun[]>;
}

/** One earlier run, as OPTIMIZE's model is fitted to it. */
export interface RunSample {
  success: boolean;
  /** Files the plan changed. */
  fileCount: number;
  /** Edits (or file creations, deletions, moves) the plan made. */
  editCount: number;
  /** Test workers the run used (1 when its test runner takes no worker count). */
  parallelism: number;
  /** Wall time of the test step(s), in ms; `null` when no tests ran. */
  testDurationMs: number | null;
  /** Peak memory of the run's process tree, in MB. */
  memoryPeakMb: number;
}

/** Earlier runs, read-only, as OPTIMIZE sees them. */
export interface RunHistoryReader {
  summary(filter: { kind: string; language: string }): Promise<RunHistorySummary>;
  /** The most recent runs of this kind and language, newest first. @default limit 50 */
  samples(filter: { kind: string; language: string; limit?: number }): Promise<RunSample[]>;
}
