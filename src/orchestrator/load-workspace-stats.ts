import path from 'node:path';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { HISTORY_FILE_NAME } from '../core/history-files.js';
import { openRunHistory } from '../telemetry/run-history.js';
import { loadRunStats, type RunStats } from '../telemetry/run-stats.js';
import { openGitWorkspace, STATE_DIR_NAME } from '../vcs/open-git-workspace.js';

/**
 * The run-history figures of the repository that holds `workspace` (`mcp-orchestrator stats`):
 * opens (and, the first time, migrates) its history, then reads it. Throws `NOT_A_GIT_REPO`
 * outside a repository, `CACHE_FAILED` when the history cannot be read.
 */
export async function loadWorkspaceStats(
  workspace: string,
  options: { signal?: AbortSignal; warn?: (message: string) => void } = {},
): Promise<RunStats> {
  const signal = options.signal ? { signal: options.signal } : {};
  const git = await openGitWorkspace(workspace, signal);
  const history = await openRunHistory(git.root, {
    path: path.join(git.root, STATE_DIR_NAME, HISTORY_FILE_NAME),
    ...(options.warn ? { logger: { warn: options.warn } } : {}),
  });
  history.close();
  try {
    return await loadRunStats(history.path, signal);
  } catch (error) {
    throw new OrchestratorError(
      'CACHE_FAILED',
      `Run history ${history.path} could not be read: ${toErrorMessage(error)}`,
      { data: { file: history.path }, cause: error },
    );
  }
}

export type { RunStats } from '../telemetry/run-stats.js';
