import { copyFile, rm } from 'node:fs/promises';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import type { Intent } from '../core/intent.js';
import type { Phase, PhaseContext, PhaseResult, RunOptions } from '../core/phase.js';
import type { RunState } from '../core/phase-outputs.js';
import { runPipeline } from '../core/pipeline/run-pipeline.js';
import type { ResolvedSettings } from '../core/settings.js';
import { countTokens, trimToTokenBudget } from '../telemetry/count-tokens.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { acquireRunLock, type RunLock } from '../vcs/run-lock.js';
import { buildPullRequest } from './build-pull-request.js';
import { createGitService } from './create-git-service.js';
import { openRunServices, type RunServices } from './open-run-services.js';
import { publishPullRequest, type ResolvedGithubTarget } from './publish-pull-request.js';
import type { RunFolder } from './run-folder.js';
import type { RunCommandOptions, RunResult } from './run-types.js';

/** Everything one run needs, resolved by the orchestrator. */
export interface RunInput {
  command: string;
  intent: Intent;
  phases: readonly Phase[];
  runOptions: RunOptions;
  settings: ResolvedSettings;
  git: GitWorkspace;
  /** The commit the change is planned on and made from. */
  baseCommit: string;
  folder: RunFolder;
  /** Servers to start before the first phase. */
  connect: readonly string[];
  options: RunCommandOptions;
  /** Where to open a pull request after success, checked before the run. */
  github?: ResolvedGithubTarget;
  /** Pre-filled state (the plan, for `apply`). */
  state?: RunState;
}

/**
 * Runs the phases with every service open, then — whatever happened — rolls back (on failure)
 * or releases (on success) the worktree, writes result.json (and pr.json), records history and
 * closes everything.
 */
export async function executeRun(input: RunInput): Promise<RunResult> {
  // run-lock: one live run per repository; what a dead run left is cleaned up first.
  const { signal } = input.options;
  const lock = await acquireRunLock(input.git.root, {
    runId: input.folder.runId,
    command: input.command,
    ...(signal ? { signal } : {}),
  }).catch(async (error: unknown) => {
    await rm(input.folder.runDir, { recursive: true, force: true }); // a refused run leaves no trace
    throw error;
  });
  try {
    return await executeLockedRun(input, lock);
  } finally {
    await lock.release().catch((error: unknown) => {
      const message = `Could not release the run lock ${lock.file}: ${toErrorMessage(error)}`;
      input.options.onEvent?.({ type: 'warning', message });
    });
  }
}

async function executeLockedRun(input: RunInput, lock: RunLock): Promise<RunResult> {
  const started = performance.now();
  const { options, folder } = input;
  const signal = options.signal ?? new AbortController().signal;
  const warnings: string[] = [];
  const emit = options.onEvent ?? (() => {});
  const warn = (message: string): void => {
    warnings.push(message);
    emit({ type: 'warning', message });
  };
  for (const message of lock.warnings) warn(message); // run-lock: dead runs cleaned up
  const services = await openRunServices({
    root: input.git.root,
    runDir: folder.runDir,
    settings: input.settings,
    env: options.env ?? process.env,
    connect: input.connect,
    signal,
    warn,
  });
  const state: RunState = input.state ?? {};
  let current = '';
  let phases: PhaseResult[] = [];
  let failure: { code: string; message: string } | null = null;
  try {
    const context: PhaseContext = {
      runId: folder.runId,
      command: input.command,
      intent: input.intent,
      workspace: input.git.root,
      baseCommit: input.baseCommit,
      runDir: folder.runDir,
      settings: input.settings,
      options: input.runOptions,
      signal,
      tools: services.tools,
      git: await createGitService(input.git, lock),
      ...(services.cache ? { cache: services.cache } : {}),
      pressure: services.pressure,
      ...(services.history ? { history: services.history } : {}),
      state,
      parallelism: input.settings.parallelism,
      warn,
      progress: (message) => emit({ type: 'progress', phase: current, message }),
    };
    phases = await services.spans.withSpan(
      'run',
      { command: input.command, runId: folder.runId },
      () =>
        runPipeline(input.phases, context, {
          maxRetries: input.runOptions.plan?.data.maxRetries ?? 3,
          baseBackoffMs: 200,
          tokens: { count: countTokens, trim: trimToTokenBudget },
          spans: services.spans,
          onContextPack: async (phase, text) => {
            await folder.writeText(`context/${phase}.txt`, text);
          },
          onPhaseStart: (phase) => {
            current = phase;
            emit({ type: 'phase-start', phase });
          },
          onPhaseEnd: (result) => emit({ type: 'phase-end', result }),
        }),
    );
    const last = phases.at(-1);
    if (last && !last.success)
      failure = last.error ?? { code: 'PHASE_FAILED', message: `${last.phase} failed.` };
  } catch (error) {
    failure = isOrchestratorError(error)
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: toErrorMessage(error) };
    if (!isOrchestratorError(error))
      warn(`Internal error: ${(error as Error)?.stack ?? String(error)}`);
  }
  const worktree = state.worktree;
  if (worktree) {
    try {
      await (failure ? worktree.rollback() : worktree.release());
    } catch (error) {
      warn(
        `Could not ${failure ? 'roll back' : 'release'} worktree ${worktree.path}: ${toErrorMessage(error)}`,
      );
    }
  }
  let pr =
    failure === null
      ? buildPullRequest({
          command: input.command,
          baseBranch: (await input.git.currentBranch().catch(() => null)) ?? 'main',
          state,
          phases,
        })
      : null;
  if (pr && input.github) {
    try {
      const opened = await publishPullRequest(input.git, pr, input.github, {
        env: options.env ?? process.env,
        signal,
      });
      pr = { ...pr, ...opened };
    } catch (error) {
      failure = {
        code: isOrchestratorError(error) ? error.code : 'GIT_FAILED',
        message: `The change is committed on ${pr.head}, but the pull request could not be opened: ${toErrorMessage(error)}`,
      };
    }
  }
  const success = failure === null;
  const planPath = state.plan?.planPath ?? null;
  const result: RunResult = {
    success,
    command: input.command,
    runId: folder.runId,
    runDir: folder.runDir,
    durationMs: Math.round(performance.now() - started),
    totalTokens: phases.reduce((sum, p) => sum + p.tokenCount, 0),
    phases,
    branch: state.review ? (state.execute?.branch ?? null) : null,
    commit: state.review?.commit ?? null,
    plan: planPath,
    pr,
    memoryPeakMb: peakMemoryMb(services.pressure),
    risk: state.risk ?? null,
    diffStat: state.review?.diffStat ?? null,
    warnings,
    error: failure,
  };
  try {
    await folder.writeJson('result.json', result);
    if (pr) await folder.writeJson('pr.json', pr);
    if (pr && options.outputPath) await copyFile(`${folder.runDir}/pr.json`, options.outputPath);
    const row = toHistoryRow(result, input.intent, state);
    if (row) {
      try {
        services.history?.record(row);
      } catch (error) {
        warn(`Run history not updated: ${toErrorMessage(error)}`);
      }
    }
  } finally {
    for (const message of await services.close()) warn(`Shutdown: ${message}`);
  }
  return result;
}

function peakMemoryMb(monitor: RunServices['pressure']): number {
  monitor.sampleNow();
  return Math.round(monitor.getStats().peakMemoryMb);
}

/** The history row of a run that got as far as OPTIMIZE (earlier stops teach OPTIMIZE nothing). */
function toHistoryRow(result: RunResult, intent: Intent, state: RunState) {
  if (!state.optimize) return undefined;
  return {
    runId: result.runId,
    command: result.command,
    kind: intent.kind,
    language: intent.language ?? 'unknown',
    success: result.success,
    durationMs: result.durationMs,
    fileCount: state.logic?.editedFiles.length ?? 0,
    editCount: state.logic?.edits.length ?? 0,
    parallelism: state.optimize.parallelism,
    batchSize: state.optimize.batchSize,
    testDurationMs: state.execute?.test.durationMs ?? 0,
    phaseDurations: Object.fromEntries(result.phases.map((p) => [p.phase, p.durationMs])),
    memoryPeakMb: result.memoryPeakMb,
    createdAt: new Date().toISOString(),
  };
}
