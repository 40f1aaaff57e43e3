import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { openGitWorkspace, STATE_DIR_NAME } from '../vcs/open-git-workspace.js';
import type { RunResult } from './run-types.js';

/** The files of a run folder that clients may read. */
export const RUN_FILES = [
  'plan.json',
  'result.json',
  'diff.patch',
  'pr.json',
  'trace.jsonl',
] as const;

/** A run folder's name: UTC time and a random suffix. */
const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

/** One run, as a listing shows it. */
export interface RunSummary {
  runId: string;
  command: string | null;
  /** Null for a folder without result.json (a run under way, or one that died). */
  success: boolean | null;
  durationMs: number | null;
  branch: string | null;
  commit: string | null;
  errorCode: string | null;
  /** Which of {@link RUN_FILES} the folder holds. */
  files: string[];
}

/** One run's folder and what it holds. */
export interface RunRecordFiles {
  root: string;
  runId: string;
  runDir: string;
  result: RunResult | null;
  files: string[];
}

/** The runs of the repository that contains `workspace`, newest first. */
export async function listRuns(
  workspace: string,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<{ root: string; runs: RunSummary[] }> {
  const { root } = await openGitWorkspace(
    workspace,
    options.signal ? { signal: options.signal } : {},
  );
  const dir = path.join(root, STATE_DIR_NAME, 'runs');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => RUN_ID.test(name))
    .sort()
    .reverse()
    .slice(0, options.limit ?? 20);
  const runs = await Promise.all(
    names.map(async (runId): Promise<RunSummary> => {
      const { result, files } = await readRunFolder(path.join(dir, runId));
      return {
        runId,
        command: result?.command ?? null,
        success: result?.success ?? null,
        durationMs: result?.durationMs ?? null,
        branch: result?.branch ?? null,
        commit: result?.commit ?? null,
        errorCode: result?.error?.code ?? null,
        files,
      };
    }),
  );
  return { root, runs };
}

/**
 * Run `runId` of the repository that contains `workspace`.
 * @throws BAD_INPUT when the id is malformed or the repository has no such run.
 */
export async function readRun(
  workspace: string,
  runId: string,
  options: { signal?: AbortSignal } = {},
): Promise<RunRecordFiles> {
  const { root } = await openGitWorkspace(
    workspace,
    options.signal ? { signal: options.signal } : {},
  );
  if (!RUN_ID.test(runId)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `runId ${JSON.stringify(runId)} is not a run id (e.g. 20250101T120000Z-a1b2c3). Take one from list_runs.`,
      { data: { field: 'runId', runId } },
    );
  }
  const runDir = path.join(root, STATE_DIR_NAME, 'runs', runId);
  const { result, files, exists } = await readRunFolder(runDir);
  if (!exists) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${root} has no run ${runId} (no folder ${runDir}). Take a run id from list_runs.`,
      { data: { field: 'runId', runId, root } },
    );
  }
  return { root, runId, runDir, result, files };
}

async function readRunFolder(
  runDir: string,
): Promise<{ result: RunResult | null; files: string[]; exists: boolean }> {
  const entries = await readdir(runDir).catch(() => undefined);
  if (entries === undefined) return { result: null, files: [], exists: false };
  const files = RUN_FILES.filter((file) => entries.includes(file));
  const text = files.includes('result.json')
    ? await readFile(path.join(runDir, 'result.json'), 'utf8').catch(() => undefined)
    : undefined;
  return { result: text === undefined ? null : parseResult(text), files, exists: true };
}

function parseResult(text: string): RunResult | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && 'runId' in value
      ? (value as RunResult)
      : null;
  } catch {
    return null;
  }
}
