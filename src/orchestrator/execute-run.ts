import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import { type ModelPhaseUsage, toModelUsageReport } from '../core/model-usage.js';
import type { AnyPhase, RunOptions } from '../core/phase.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import type { ResolvedSettings } from '../core/settings.js';
import { ATTR } from '../core/span-attributes.js';
import type { RunTracer } from '../telemetry/create-tracer.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { acquireRunLock, type RunLock } from '../vcs/run-lock.js';
import { findSameChange } from './find-same-change.js';
import { persistRun, proposePullRequest, settleWorktrees } from './finish-run.js';
import { keepFailedChange } from './keep-failed-change.js';
import { type OpenSharedOptions, openRunServices, type RunServices } from './open-run-services.js';
import { toPreviewPatch } from './preview-patch.js';
import type { ResolvedGithubTarget } from './publish-pull-request.js';
import { type IntentReading, recordReasoning } from './record-reasoning.js';
import type { RunFolder } from './run-folder.js';
import { type PhasesOutcome, runPhases } from './run-phases.js';
import type { RunCommandOptions, RunResult } from './run-types.js';
import { toPredictionCheck } from './to-prediction-check.js';
import type { WarmLease, WarmWorkspaces } from './warm-workspaces.js';
import { toCheckoutChangedFailure, watchCheckout } from './watch-checkout.js';

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
  /** The run's tracer, opened with the run (before a model planner's calls); the run ends it. */
  tracer: RunTracer;
  /** Servers to start before the first phase. */
  connect: readonly string[];
  options: RunCommandOptions;
  /** Where to open a pull request after success, checked before the run. */
  github?: ResolvedGithubTarget;
  /** Outputs the run starts with (the plan, for `apply`). */
  outputs?: Partial<PhaseOutputs>;
  /** What the model calls before the run cost (a model planner reading the command). */
  modelUsage?: readonly ModelPhaseUsage[];
  /** How a model planner read the command (its steps go to sequential-thinking and the PR). */
  reading?: IntentReading;
  /** Warnings given before the run started (already shown through `onEvent`). */
  warnings?: readonly string[];
  /** Keep the pool and caches open between runs (one run at a time per repository). */
  warm?: WarmWorkspaces;
}

/**
 * Takes the repository's run lock (one live run per repository; what a dead run left is
 * cleaned up first, and said so), runs, and releases the lock whatever happened. The run's
 * trace ends with it, whatever happened.
 */
export async function executeRun(input: RunInput): Promise<RunResult> {
  try {
    if (input.warm === undefined) return await executeRunWith(input);
    const warnings: string[] = [];
    const warn = (message: string): void => {
      warnings.push(message);
      input.options.onEvent?.({ type: 'warning', message });
    };
    return await input.warm.run(input.git, toSharedOptions(input, warn), (lease) =>
      executeRunWith({ ...input, warnings: [...(input.warnings ?? []), ...warnings] }, lease),
    );
  } finally {
    // Ended by the run's services already, unless they never opened (safe to call twice).
    await input.tracer.shutdown().catch(() => {});
  }
}

async function executeRunWith(input: RunInput, lease?: WarmLease): Promise<RunResult> {
  const { signal } = input.options;
  const lock = await acquireRunLock(input.git.root, {
    runId: input.folder.runId,
    command: input.command,
    ...(signal ? { signal } : {}),
  }).catch(async (error: unknown) => {
    // A refused run leaves no files (the trace ends first: its file is in the folder).
    input.tracer.recordRunOutcome({
      success: false,
      error: {
        code: isOrchestratorError(error) ? error.code : 'RUN_IN_PROGRESS',
        message: toErrorMessage(error),
      },
    });
    await input.tracer.shutdown().catch(() => {});
    await rm(input.folder.runDir, { recursive: true, force: true });
    throw error;
  });
  try {
    return await executeLockedRun(input, lock, lease);
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
async function executeLockedRun(
  input: RunInput,
  lock: RunLock,
  lease: WarmLease | undefined,
): Promise<RunResult> {
  const started = performance.now();
  const { options, folder } = input;
  const { signal } = options;
  const warnings: string[] = [...(input.warnings ?? [])];
  const emit = options.onEvent ?? (() => {});
  const warn = (message: string): void => {
    warnings.push(message);
    emit({ type: 'warning', message });
  };
  for (const message of lock.warnings) warn(message);
  const services = await openRunServices({
    ...toSharedOptions(input, warn),
    runDir: folder.runDir,
    ...(lease ? { shared: lease.shared } : {}),
    tracer: input.tracer,
  });
  try {
    if (input.reading) {
      services.calls.setStage('intent');
      await recordReasoning(input.reading, services, { ...(signal ? { signal } : {}), warn });
    }
    // The tests run the user's code: whatever it writes outside its worktree must not go unnoticed.
    const watch = input.phases.some((phase) => phase.name === 'execute')
      ? await watchCheckout(input.git.root, warn)
      : undefined;
    const ran = await runPhases(input, services, lock, { warn, emit });
    const checkoutChanges = (await watch?.changes()) ?? [];
    const outcome =
      checkoutChanges.length > 0
        ? {
            ...ran,
            failure: toCheckoutChangedFailure(input.git.root, checkoutChanges, ran.failure),
          }
        : ran;
    const failed = await keepFailedChange({
      outcome,
      git: input.git,
      folder,
      command: input.command,
      keepFailed: options.keepFailed === true,
      warn,
    });
    await settleWorktrees(outcome, warn);
    const { pr, failure } = await proposePullRequest(input, outcome);
    const { outputs } = outcome;
    const kept = outcome.failure === null && outputs.review !== undefined;
    const memoryPeakMb = peakMemoryMb(services.pressure);
    const changes = outputs.plan?.plan.fileChanges() ?? [];
    const madeBranch = outputs.execute?.worktree.branch;
    if (kept && madeBranch !== undefined && outputs.review) {
      const same = await findSameChange(input.git.root, madeBranch, outputs.review.commit, warn);
      if (same.length > 0) {
        warn(
          `This change is already on ${same.length === 1 ? 'branch' : 'branches'} ${same.join(', ')} (the same files from the same base); ${madeBranch} holds it again. Delete the one you do not need with "git branch -D <branch>".`,
        );
      }
    }
    const result: RunResult = {
      success: failure === null,
      command: input.command,
      runId: folder.runId,
      runDir: folder.runDir,
      durationMs: Math.round(performance.now() - started),
      totalTokens: outcome.phases.reduce((sum, p) => sum + p.tokenCount, 0),
      modelTokens: toModelUsageReport(input.modelUsage ?? []),
      phases: outcome.phases,
      // A run that failed before its worktree was settled rolled its branch back.
      branch: kept ? (outputs.execute?.worktree.branch ?? null) : null,
      commit: kept ? (outputs.review?.commit ?? null) : null,
      plan: outputs.plan?.planPath ?? null,
      pr,
      memoryPeakMb,
      risk: outputs.monte_carlo ?? null,
      diffStat: outputs.review?.diffStat ?? null,
      patch: outputs.review
        ? path.join(folder.runDir, 'diff.patch')
        : (failed.patch ?? (await writePreview(input, outcome, warn))),
      changeSize: outputs.plan
        ? {
            edits: changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 1), 0),
            files: new Set(changes.map((c) => c.file)).size,
          }
        : null,
      keptBranch: failed.keptBranch,
      leftAlone: outputs.plan?.plan.data.analysis.leftAlone ?? outputs.logic?.leftAlone ?? [],
      checkoutChanges,
      prediction: toPredictionCheck(outputs, memoryPeakMb),
      warnings,
      error: failure,
      ...(lease
        ? {
            warm: {
              reused: lease.reused,
              headMoved: lease.headMoved,
              changedFiles: lease.changedFiles.length,
            },
          }
        : {}),
    };
    services.spans.recordRunOutcome({
      success: result.success,
      error: result.error,
      attributes: {
        [ATTR.runTotalTokens]: result.totalTokens,
        [ATTR.runMemoryPeakMb]: result.memoryPeakMb,
      },
    });
    await persistRun(input, result, outputs, services, warn);
    return result;
  } finally {
    for (const message of await services.close()) warn(`Shutdown: ${message}`);
  }
}

/** A successful dry run's diff.patch: what the plan would change, computed without writing. */
async function writePreview(
  input: RunInput,
  outcome: PhasesOutcome,
  warn: (message: string) => void,
): Promise<string | null> {
  const plan = outcome.outputs.plan?.plan;
  if (outcome.failure !== null || plan === undefined || outcome.outputs.execute) return null;
  try {
    const patch = await toPreviewPatch(input.git.root, plan.fileChanges());
    return patch === '' ? null : await input.folder.writeText('diff.patch', patch);
  } catch (error) {
    warn(`No diff preview: ${toErrorMessage(error)}`);
    return null;
  }
}

function peakMemoryMb(monitor: RunServices['pressure']): number {
  monitor.sampleNow();
  return Math.round(monitor.getStats().peakMemoryMb);
}

function toSharedOptions(input: RunInput, warn: (message: string) => void): OpenSharedOptions {
  return {
    root: input.git.root,
    settings: input.settings,
    env: input.options.env ?? process.env,
    connect: input.connect,
    signal: input.options.signal ?? new AbortController().signal,
    warn,
  };
}
