import { copyFile, rm } from 'node:fs/promises';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import type { AnyPhase, PhaseContext, PhaseResult, RunOptions } from '../core/phase.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import { BASE_BACKOFF_MS, DEFAULT_MAX_RETRIES } from '../core/pipeline/retry-policy.js';
import { runPipeline } from '../core/pipeline/run-pipeline.js';
import type { ResolvedSettings } from '../core/settings.js';
import { createWorkspaceFiles } from '../files/index.js';
import { createCommandRunner } from '../process/index.js';
import { countTokens, trimToTokenBudget } from '../telemetry/count-tokens.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { acquireRunLock, type RunLock } from '../vcs/run-lock.js';
import { buildPullRequest } from './build-pull-request.js';
import { createGitService, type RunGitService } from './create-git-service.js';
import { openRunServices, type RunServices } from './open-run-services.js';
import { publishPullRequest, type ResolvedGithubTarget } from './publish-pull-request.js';
import type { RunFolder } from './run-folder.js';
import type { RunCommandOptions, RunResult } from './run-types.js';

/** Everything one run needs, resolved by the orchestrator. */
export interface RunInput {
  command: string;
  intent: IntentBase;
  phases: readonly AnyPhase[];
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
  /** Outputs the run starts with (the plan, for `apply`). */
  outputs?: Partial<PhaseOutputs>;
}

/**
 * Takes the repository's run lock (one live run per repository; what a dead run left is
 * cleaned up first, and said so), runs, and releases the lock whatever happened.
 */
export async function executeRun(input: RunInput): Promise<RunResult> {
  const { signal } = input.options;
  const lock = await acquireRunLock(input.git.root, {
    runId: input.folder.runId,
    command: input.command,
    ...(signal ? { signal } : {}),
  }).catch(async (error: unknown) => {
    // A refused run leaves no trace.
    await rm(input.folder.runDir, { recursive: true, force: true });
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

/**
 * Runs the phases with every service open, then — whatever happened — rolls back (on failure)
 * or releases (on success) the worktrees the run made, writes result.json (and pr.json),
 * records history and closes everything.
 */
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
  for (const message of lock.warnings) warn(message);
  const services = await openRunServices({
    root: input.git.root,
    runDir: folder.runDir,
    settings: input.settings,
    env: options.env ?? process.env,
    connect: input.connect,
    signal,
    warn,
  });
  const outputs: Partial<PhaseOutputs> = { ...input.outputs };
  let git: RunGitService | undefined;
  let current = '';
  let phases: PhaseResult[] = [];
  let failure: { code: string; message: string } | null = null;
  try {
    git = await createGitService(input.git, lock);
    const context: PhaseContext = {
      runId: folder.runId,
      command: input.command,
      intent: input.intent,
      workspace: input.git.root,
      baseCommit: input.baseCommit,
      settings: input.settings,
      options: input.runOptions,
      signal,
      tools: services.tools,
      graph: services.graph,
      search: services.search,
      git,
      commands: createCommandRunner(options.env ?? process.env),
      files: createWorkspaceFiles(input.git.root),
      runFiles: { dir: folder.runDir, writeText: (name, text) => folder.writeText(name, text) },
      ...(services.cache ? { cache: services.cache } : {}),
      pressure: services.pressure,
      ...(services.history ? { history: services.history } : {}),
      parallelism: input.settings.parallelism,
      warn,
      progress: (message) => emit({ type: 'progress', phase: current, message }),
    };
    phases = await services.spans.withSpan(
      'run',
      { command: input.command, runId: folder.runId },
      () =>
        runPipeline(input.phases, context, {
          maxRetries: input.runOptions.plan?.data.maxRetries ?? DEFAULT_MAX_RETRIES,
          baseBackoffMs: BASE_BACKOFF_MS,
          tokens: { count: countTokens, trim: trimToTokenBudget },
          spans: services.spans,
          outputs,
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
  for (const worktree of git?.worktrees() ?? []) {
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
          outputs,
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
  const result: RunResult = {
    success,
    command: input.command,
    runId: folder.runId,
    runDir: folder.runDir,
    durationMs: Math.round(performance.now() - started),
    totalTokens: phases.reduce((sum, p) => sum + p.tokenCount, 0),
    phases,
    branch: outputs.review ? (outputs.execute?.worktree.branch ?? null) : null,
    commit: outputs.review?.commit ?? null,
    plan: outputs.plan?.planPath ?? null,
    pr,
    memoryPeakMb: peakMemoryMb(services.pressure),
    risk: outputs.monte_carlo ?? null,
    diffStat: outputs.review?.diffStat ?? null,
    leftAlone: outputs.plan?.plan.data.analysis.leftAlone ?? outputs.logic?.leftAlone ?? [],
    warnings,
    error: failure,
  };
  try {
    await folder.writeJson('result.json', result);
    if (pr) await folder.writeJson('pr.json', pr);
    if (pr && options.outputPath) await copyFile(`${folder.runDir}/pr.json`, options.outputPath);
    const row = toHistoryRow(result, input.intent, outputs);
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
function toHistoryRow(result: RunResult, intent: IntentBase, outputs: Partial<PhaseOutputs>) {
  if (!outputs.optimize) return undefined;
  const plan = outputs.plan?.plan;
  const changes = plan?.fileChanges() ?? [];
  return {
    runId: result.runId,
    command: result.command,
    kind: intent.kind,
    language: plan?.data.language ?? 'unknown',
    success: result.success,
    durationMs: result.durationMs,
    fileCount: changes.length,
    editCount: changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 1), 0),
    parallelism: outputs.optimize.parallelism,
    batchSize: outputs.optimize.batchSize,
    testDurationMs: outputs.execute?.test.durationMs ?? 0,
    phaseDurations: Object.fromEntries(result.phases.map((p) => [p.phase, p.durationMs])),
    memoryPeakMb: result.memoryPeakMb,
    createdAt: new Date().toISOString(),
  };
}
