import { MEMORY_SERVER } from '../contracts/memory-graph.js';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import type { PhaseContext, PhaseResult } from '../core/phase.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import { BASE_BACKOFF_MS, DEFAULT_MAX_RETRIES } from '../core/pipeline/retry-policy.js';
import { runPipeline } from '../core/pipeline/run-pipeline.js';
import { createWorkspaceFiles } from '../files/index.js';
import { testCommandOf } from '../phases/plan/detect-test-command.js';
import { createCommandRunner } from '../process/index.js';
import { countTokens, trimToTokenBudget } from '../telemetry/count-tokens.js';
import type { RunJournal } from '../vcs/run-journal-writer.js';
import { createGitService, type RunGitService } from './create-git-service.js';
import type { RunInput } from './execute-run.js';
import { createFilesystemWriter, FILESYSTEM_SERVER } from './filesystem-writer.js';
import type { RunServices } from './open-run-services.js';

/** How the phases ended: their results, their outputs, and what failed (null when nothing did). */
export interface PhasesOutcome {
  phases: PhaseResult[];
  outputs: Partial<PhaseOutputs>;
  failure: { code: string; message: string } | null;
  /** The run's git service, when it opened (it knows the worktrees the run made). */
  git?: RunGitService;
}

/** Builds the phases' context over the open services and runs the pipeline. Never throws. */
export async function runPhases(
  input: RunInput,
  services: RunServices,
  journal: RunJournal,
  events: { warn(message: string): void; emit: NonNullable<RunInput['options']['onEvent']> },
): Promise<PhasesOutcome> {
  const { options, folder } = input;
  const signal = options.signal ?? new AbortController().signal;
  const outputs: Partial<PhaseOutputs> = { ...input.outputs };
  const current = { phase: '' };
  const willExecute = input.phases.some((phase) => phase.name === 'execute');
  let git: RunGitService | undefined;
  try {
    git = await createGitService(input.git, journal, {
      fileServer: () =>
        createFilesystemWriter({
          pool: services.pool,
          tools: services.tools,
          fromConfig: services.fromConfig.has(FILESYSTEM_SERVER),
        }),
    });
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
      commands: createCommandRunner(options.env ?? process.env, services.spans),
      files: createWorkspaceFiles(input.git.root),
      runFiles: { dir: folder.runDir, writeText: (name, text) => folder.writeText(name, text) },
      ...(services.cache ? { cache: services.cache } : {}),
      baseResults: services.baseResults,
      pressure: services.pressure,
      history: services.history,
      ...(services.memory ? { memory: services.memory } : {}),
      ...(services.python ? { python: services.python } : {}),
      parallelism: input.settings.parallelism,
      warn: events.warn,
      progress: (message) => events.emit({ type: 'progress', phase: current.phase, message }),
    };
    const phases = await runPipeline(input.phases, context, {
      maxRetries: input.runOptions.plan?.data.maxRetries ?? DEFAULT_MAX_RETRIES,
      baseBackoffMs: BASE_BACKOFF_MS,
      tokens: { count: countTokens, trim: trimToTokenBudget },
      spans: services.spans,
      outputs,
      onContextPack: async (phase, text) => {
        await folder.writeText(`context/${phase}.txt`, text);
      },
      onPhaseStart: (phase) => {
        current.phase = phase;
        services.calls.setStage(phase);
        events.emit({ type: 'phase-start', phase });
        // The checkout of the worktree overlaps the analysis when the run will need it.
        if (phase === 'logic' && willExecute && git) {
          git.prewarmWorktree({
            branchHint: input.command,
            baseCommit: input.baseCommit,
            signal,
          });
        }
        // LOGIC waits for its language server: the run history (DuckDB) opens meanwhile, ready
        // for OPTIMIZE, instead of while the servers start.
        if (phase === 'logic') services.history.prepare();
        // PLAN's test command may need a probe of the interpreter (~0.1 s): asked now, PLAN
        // finds the answer (or the probe's failure) ready.
        if (phase === 'logic' && input.phases.some((p) => p.name === 'plan')) {
          testCommandOf(context).catch(() => {});
        }
        // EXECUTE writes through the filesystem server: it starts while the analysis runs (a
        // saved plan's run starts it with the services: see execute-run.ts).
        if (phase === 'logic' && willExecute) {
          services.pool.connect([FILESYSTEM_SERVER], { signal }).catch(() => {});
        }
        // A committed change is recorded in the memory server once the run is over: it starts
        // beside the tests instead of after them.
        if (phase === 'execute' && services.memory) {
          services.pool.connect([MEMORY_SERVER], { signal }).catch(() => {});
        }
      },
      onPhaseEnd: (result) => events.emit({ type: 'phase-end', result }),
    });
    const last = phases.at(-1);
    const failure =
      last && !last.success
        ? (last.error ?? { code: 'PHASE_FAILED', message: `${last.phase} failed.` })
        : signal.aborted
          ? // Cancelled as the last phase ended: the user asked to stop, so nothing is kept.
            {
              code: 'CANCELLED',
              message: `The run was cancelled (${toErrorMessage(signal.reason)}) as its last phase ended; the change was rolled back.`,
            }
          : null;
    return { phases, outputs, failure, git };
  } catch (error) {
    if (!isOrchestratorError(error)) {
      events.warn(`Internal error: ${(error as Error)?.stack ?? String(error)}`);
    }
    const failure = isOrchestratorError(error)
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: toErrorMessage(error) };
    return { phases: [], outputs, failure, ...(git ? { git } : {}) };
  }
}
