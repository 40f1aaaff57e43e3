import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import { buildPullRequest } from './build-pull-request.js';
import type { RunInput } from './execute-run.js';
import type { RunServices } from './open-run-services.js';
import { publishPullRequest } from './publish-pull-request.js';
import { rememberRun } from './remember-run.js';
import type { PhasesOutcome } from './run-phases.js';
import type { PullRequestSummary, RunResult } from './run-types.js';
import { toRunRecord } from './to-run-record.js';

/** Rolls back (on failure) or releases (on success) every worktree the run made. */
export async function settleWorktrees(
  outcome: PhasesOutcome,
  warn: (message: string) => void,
): Promise<void> {
  const failed = outcome.failure !== null;
  for (const worktree of (await outcome.git?.worktrees()) ?? []) {
    try {
      await (failed ? worktree.rollback() : worktree.release());
    } catch (error) {
      warn(
        `Could not ${failed ? 'roll back' : 'release'} worktree ${worktree.path}: ${toErrorMessage(error)}`,
      );
    }
  }
}

/**
 * The pull request of a successful run, opened on GitHub when asked; a failure to open it
 * fails the run (the branch stays).
 */
export async function proposePullRequest(
  input: RunInput,
  outcome: PhasesOutcome,
): Promise<{ pr: PullRequestSummary | null; failure: PhasesOutcome['failure'] }> {
  if (outcome.failure !== null) return { pr: null, failure: outcome.failure };
  const diff = await readFile(path.join(input.folder.runDir, 'diff.patch'), 'utf8').catch(
    () => undefined,
  );
  const pr = buildPullRequest({
    ...(diff === undefined ? {} : { diff }),
    ...(input.reading ? { reading: input.reading } : {}),
    command: input.command,
    baseBranch: (await input.git.currentBranch().catch(() => null)) ?? 'main',
    outputs: outcome.outputs,
    phases: outcome.phases,
  });
  if (!pr || !input.github) return { pr, failure: null };
  try {
    const opened = await publishPullRequest(input.git, pr, input.github, {
      env: input.options.env ?? process.env,
      ...(input.options.signal ? { signal: input.options.signal } : {}),
    });
    return { pr: { ...pr, ...opened }, failure: null };
  } catch (error) {
    return {
      pr,
      failure: {
        code: isOrchestratorError(error) ? error.code : 'GIT_FAILED',
        message: `The change is committed on ${pr.head}, but the pull request could not be opened: ${toErrorMessage(error)}`,
      },
    };
  }
}

/** Records a committed change in the memory server, writes result.json (and pr.json, and `--output`) and records the run in the history. */
export async function persistRun(
  input: RunInput,
  result: RunResult,
  outputs: Partial<PhaseOutputs>,
  services: RunServices,
  warn: (message: string) => void,
): Promise<void> {
  const { folder, options } = input;
  services.calls.setStage('record');
  await rememberRun(
    services.memory,
    { result, intent: input.intent, outputs, base: input.baseCommit },
    { warn, ...(options.signal ? { signal: options.signal } : {}) },
  );
  result.serverCalls = services.calls.counts();
  await folder.writeJson('result.json', result);
  if (result.pr) await folder.writeJson('pr.json', result.pr);
  if (result.pr && options.outputPath)
    await copyFile(`${folder.runDir}/pr.json`, options.outputPath);
  const row = toRunRecord(result, input.intent, outputs);
  if (!row) return;
  try {
    await services.history.record(row);
  } catch (error) {
    warn(`Run history not updated: ${toErrorMessage(error)}`);
  }
}
