import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { openGitWorkspace, STATE_DIR_NAME } from '../vcs/open-git-workspace.js';

/** A run folder found by id or as the latest. */
export interface ResolvedRunFolder {
  /** The repository's top level. */
  root: string;
  runId: string;
  runDir: string;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Finds the run folder `<root>/.mcp-orchestrator/runs/<run>/` of the repository containing
 * `workspace`; `run` is a run id or `last` (the newest: run ids sort by their UTC start time).
 * Throws `BAD_INPUT` for an id that is not one (a path, `..`), when there are no runs, and
 * for an unknown id (naming the newest runs there), `NOT_A_GIT_REPO` outside a repository.
 */
export async function resolveRunFolder(
  workspace: string,
  run: string,
  options: { signal?: AbortSignal } = {},
): Promise<ResolvedRunFolder> {
  if (run !== 'last' && !RUN_ID.test(run)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${run}" is not a run id (letters, digits, ".", "_" and "-", e.g. 20260101T120000Z-a1b2c3). Pass a run id or "last".`,
      { data: { run } },
    );
  }
  const git = await openGitWorkspace(workspace, options.signal ? { signal: options.signal } : {});
  const runsDir = path.join(git.root, STATE_DIR_NAME, 'runs');
  const runs = await listRuns(runsDir);
  if (runs.length === 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No runs in ${runsDir}. Run "mcp-orchestrator run <command> --workspace ${git.root}" first, or pass --workspace for another repository.`,
      { data: { runsDir } },
    );
  }
  const runId = run === 'last' ? (runs.at(-1) as string) : run;
  if (!runs.includes(runId)) {
    const newest = runs.slice(-5).reverse();
    throw new OrchestratorError(
      'BAD_INPUT',
      `No run ${runId} in ${runsDir}. The newest: ${newest.join(', ')}${runs.length > newest.length ? ` (${runs.length} in all)` : ''}; or pass "last".`,
      { data: { run: runId, runsDir, newest } },
    );
  }
  return { root: git.root, runId, runDir: path.join(runsDir, runId) };
}

/** Run ids (folder names) in `runsDir`, oldest first; none when it does not exist. */
async function listRuns(runsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(runsDir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const folders = await Promise.all(
    names
      .filter((name) => RUN_ID.test(name))
      .map(async (name) => ((await stat(path.join(runsDir, name))).isDirectory() ? name : null)),
  );
  return folders.filter((name): name is string => name !== null).sort();
}
