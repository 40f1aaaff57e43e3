import type { PythonWorkspace } from '../engine/python-workspace.js';
import { toWorkspaceFile } from '../engine/python-workspace.js';
import { ASYNC_ANALYSIS_SCRIPT } from '../scripts/async-analysis-script.js';

/** A call found by the async analysis. */
export interface AsyncCall {
  callee: string;
  line: number;
  column: number;
}

/** A function (sync or async) found by the async analysis. */
export interface AnalysedFunction {
  name: string;
  line: number;
  column: number;
  container?: string;
}

/** Async facts for one file; see the async-analysis script for what counts as blocking. */
export interface AsyncFileAnalysis {
  file: string;
  asyncFunctions: Array<
    AnalysedFunction & {
      awaits: Array<{ line: number; column: number; expression: string }>;
      blockingCalls: Array<{
        call: string;
        reason: string;
        inLoop: boolean;
        line: number;
        column: number;
      }>;
    }
  >;
  /** Sync functions that call a workspace async function (which then never runs). */
  syncCallers: Array<AnalysedFunction & { calls: AsyncCall[] }>;
  /** Async functions that call another async function without awaiting it. */
  unawaitedCalls: Array<AnalysedFunction & { calls: AsyncCall[] }>;
}

/** Result of {@link analyzeAsync}. */
export interface AsyncAnalysisResult {
  files: AsyncFileAnalysis[];
  /** Files that could not be read or parsed. */
  errors: Array<{ file: string; message: string }>;
}

/**
 * Async analysis of `file`, or of every workspace `.py` file (async function names are always
 * collected from the whole workspace so cross-module callers are found).
 */
export async function analyzeAsync(
  workspace: PythonWorkspace,
  file: string | undefined,
  signal?: AbortSignal,
): Promise<AsyncAnalysisResult> {
  const all = await workspace.listFiles(signal);
  const wanted = file === undefined ? undefined : toWorkspaceFile(workspace.root, file);
  if (all.length === 0 && wanted === undefined) return { files: [], errors: [] };
  const files = wanted === undefined || all.includes(wanted) ? all : [...all, wanted];
  const result = await workspace.runScript<AsyncAnalysisResult>(
    ASYNC_ANALYSIS_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  if (wanted === undefined) return result;
  return {
    files: result.files.filter((entry) => entry.file === wanted),
    errors: result.errors.filter((entry) => entry.file === wanted),
  };
}
