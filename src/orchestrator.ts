import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IntentBase } from './core/intent.js';
import type { AnyPhase, RunOptions } from './core/phase.js';
import type { PhaseOutputs } from './core/phase-outputs.js';
import type { ExecutionPlan } from './core/plan/execution-plan.js';
import { type ResolvedSettings, resolveSettings } from './core/settings.js';
import type { PlannedIntent } from './intent/planners/plan-intent.js';
import type { CommandInput } from './intent/resolve-command-input.js';
import { createClientPool } from './mcp/client-pool.js';
import { resolveMcpServers } from './mcp/resolve-mcp-servers.js';
import { ANALYSIS_SERVERS } from './orchestrator/analysis-servers.js';
import { checkNamedPaths } from './orchestrator/check-named-paths.js';
import { checkPlanCommands } from './orchestrator/check-plan-commands.js';
import { checkWritableFolder } from './orchestrator/check-run-flags.js';
import { executeRun } from './orchestrator/execute-run.js';
import {
  captureOutput,
  type ExplainOptions,
  type ExplainResult,
  toExplainResult,
} from './orchestrator/explain-run.js';
import { withLastRunCalls } from './orchestrator/last-run-calls.js';
import { loadPlan } from './orchestrator/load-plan.js';
import { toEffectivePlan, withTestTimeout } from './orchestrator/plan-overrides.js';
import {
  type HistoryEntry,
  type HistoryOptions,
  readChangeHistory,
} from './orchestrator/read-change-history.js';
import { toIntentReading } from './orchestrator/record-reasoning.js';
import { refuseUnmentionedSymbols } from './orchestrator/refuse-unmentioned-symbols.js';
import {
  createStart,
  resolveRunnable,
  type WarnedRunStart,
} from './orchestrator/resolve-runnable.js';
import type { RunCommandOptions, RunResult } from './orchestrator/run-types.js';
import { type ServerOverview, toServerOverviews } from './orchestrator/server-roles.js';
import {
  createWarmWorkspaces,
  type WarmWorkspaceStatus,
  type WarmWorkspaces,
  type WarmWorkspacesOptions,
} from './orchestrator/warm-workspaces.js';
import { recordWrittenPlan } from './orchestrator/written-plans.js';
import { createExecutePhase } from './phases/execute/execute-phase.js';
import { createLogicPhase } from './phases/logic/logic-phase.js';
import { createMapPhase } from './phases/map/map-phase.js';
import { createMonteCarloPhase } from './phases/monte-carlo/monte-carlo-phase.js';
import { createOptimizePhase } from './phases/optimize/optimize-phase.js';
import { createDefaultPhaseSettings, mergePhaseSettings } from './phases/phase-settings.js';
import { createPlanPhase } from './phases/plan/plan-phase.js';
import { createReviewPhase } from './phases/review/review-phase.js';

export { BAD_INPUT_CODES, isOrchestratorError, OrchestratorError } from './core/errors.js';
export type { ModelPhaseUsage, ModelUsageReport } from './core/model-usage.js';
export { ExecutionPlan } from './core/plan/execution-plan.js';
export type { Intent } from './intent/all-intents.js';
export {
  describeCommandForms,
  isKindAvailable,
  SUPPORTED_FORMS,
} from './intent/command-forms.js';
export { parseIntent, toCommandText, validateIntent } from './intent/parse-intent.js';
export type {
  IntentPlanner,
  PlannerAnswer,
  PlannerPrompt,
} from './intent/planners/intent-planner.js';
export type { PlannedIntent } from './intent/planners/plan-intent.js';
export {
  createSamplingPlanner,
  offersSampling,
  type SamplingServer,
} from './intent/planners/sampling-planner.js';
export type { CommandInput } from './intent/resolve-command-input.js';
export { PLANNER_MODES, type PlannerMode } from './intent/understand-command.js';
export type { ServerStatus } from './mcp/server-status.js';
export {
  createExampleWorkspace,
  DEFAULT_EXAMPLE,
  describeBranch,
  EXAMPLES,
} from './orchestrator/example-workspace.js';
export type {
  ExplainedChange,
  ExplainedSymbol,
  ExplainOptions,
  ExplainResult,
  Explanation,
} from './orchestrator/explain-run.js';
export type { ServerReport } from './orchestrator/last-run-calls.js';
export {
  listRuns,
  RUN_FILES,
  type RunRecordFiles,
  type RunSummary,
  readRun,
} from './orchestrator/list-runs.js';
export { loadWorkspaceStats, type RunStats } from './orchestrator/load-workspace-stats.js';
export type { HistoryEntry, HistoryOptions } from './orchestrator/read-change-history.js';
export { type ResolveIntentOptions, resolveRunIntent } from './orchestrator/resolve-run-intent.js';
export {
  listRunListings,
  loadRunDetails,
  type RunDetails,
  type RunListing,
} from './orchestrator/run-listing.js';
export type {
  PullRequestSummary,
  RunCommandOptions,
  RunEvent,
  RunResult,
} from './orchestrator/run-types.js';
export type { ServerOverview } from './orchestrator/server-roles.js';
export type {
  WarmWorkspaceStatus,
  WarmWorkspacesOptions,
} from './orchestrator/warm-workspaces.js';
export {
  REPORT_FILE_NAME,
  type RunReportResult,
  type WriteRunReportOptions,
  writeRunReport,
} from './report/write-run-report.js';
export { type CleanResult, type CleanStateOptions, cleanWorkspace } from './vcs/clean-state.js';
export type { CheckoutChange } from './vcs/snapshot-checkout.js';

/** The servers a planning run starts up front (the rest start on their first call). */
/**
 * Turns a natural-language code-change command into a validated seven-phase plan and carries it
 * out on a git repository by coordinating MCP servers (the composition root).
 */
export class MCPOrchestrator {
  readonly #warm: WarmWorkspaces | undefined;

  /**
   * @param options.keepWarm keep each repository's MCP servers (and their language servers) and
   *   caches open between calls, closed after `idleTimeoutMs` without a run; runs on one
   *   repository then wait for each other. Call `close()` when done. @default not kept
   */
  constructor(options: { keepWarm?: WarmWorkspacesOptions } = {}) {
    this.#warm = options.keepWarm ? createWarmWorkspaces(options.keepWarm) : undefined;
  }

  /** The repositories whose services are kept warm, and their servers (empty without `keepWarm`). */
  warmStatus(): WarmWorkspaceStatus[] {
    return this.#warm?.status() ?? [];
  }

  /** Closes the warm services (after the runs under way). Returns the errors' messages. Safe to call twice. */
  async close(): Promise<string[]> {
    return (await this.#warm?.close()) ?? [];
  }

  /**
   * Plans and (unless `dryRun`) carries out a command — in words, or an intent given as data —
   * map → logic → monte carlo → plan → optimize → execute → review.
   */
  async run(input: CommandInput, options: RunCommandOptions = {}): Promise<RunResult> {
    const start = createStart(options);
    const understood = await resolveRunnable(input, options, start);
    const phases: AnyPhase[] = [
      createMapPhase(),
      createLogicPhase(),
      createMonteCarloPhase(),
      createPlanPhase(),
      ...(options.dryRun ? [] : carryingOutPhases()),
    ];
    const phaseSettings = withTestTimeout(toPhaseSettings(options), options.testTimeoutMs);
    return this.#start(start, understood, phases, ANALYSIS_SERVERS, options, { phaseSettings });
  }

  /** Makes the plan for a command without changing anything and writes it to `outPath`. */
  async plan(
    input: CommandInput,
    outPath: string,
    options: RunCommandOptions = {},
  ): Promise<RunResult> {
    await checkWritableFolder(outPath, '--out');
    const result = await this.run(input, { ...options, dryRun: true });
    if (result.success && result.plan) {
      const content = await readFile(result.plan);
      await writeFile(outPath, content);
      await recordWrittenPlan(path.resolve(result.runDir, '..', '..', '..'), outPath, content);
    }
    return result;
  }

  /**
   * Says what a command would change, running MAP, LOGIC and MONTE CARLO only: the intent, the
   * symbols it resolved (file:line), the files and edits, what is left alone, and the risk. No
   * plan file, no worktree; the run folder keeps the trace.
   */
  async explain(input: CommandInput, options: ExplainOptions = {}): Promise<ExplainResult> {
    const start = createStart(options);
    const understood = await resolveRunnable(input, options, start);
    const logic = captureOutput(createLogicPhase());
    const phases: AnyPhase[] = [createMapPhase(), logic.phase, createMonteCarloPhase()];
    const phaseSettings = toPhaseSettings(options);
    const result = await this.#start(start, understood, phases, ANALYSIS_SERVERS, options, {
      phaseSettings,
    });
    return toExplainResult(result, understood.intent, logic.output());
  }

  /**
   * Carries out a saved (possibly hand-edited) plan: optimize → execute → review. Its test and
   * compile commands run only when they are the ones this machine would choose (or with
   * `trustPlanCommands`); otherwise `PLAN_INVALID` before anything is written.
   */
  async apply(planPath: string, options: RunCommandOptions = {}): Promise<RunResult> {
    const plan = await loadPlan(planPath);
    const start = createStart(options, { planBase: plan.data.base, planFile: planPath });
    return this.#start(
      start,
      { command: plan.data.command, intent: plan.data.intent },
      carryingOutPhases(),
      [],
      options,
      { phaseSettings: plan.data.phases },
      { plan, source: path.basename(planPath), path: planPath },
    );
  }

  /**
   * The changes earlier runs committed, as the memory server recorded them (only those that
   * changed `symbol`, when given), oldest first, each saying whether HEAD contains it yet.
   */
  history(options: HistoryOptions = {}): Promise<HistoryEntry[]> {
    return readChangeHistory(options);
  }

  /**
   * Starts every configured server and reports its status, tool count and latencies, where it
   * is configured (built in or `.mcp.json`), which phases use it, and which stages of the last
   * run called it, how often.
   */
  async servers(
    options: {
      workspace?: string;
      signal?: AbortSignal;
      env?: Readonly<Record<string, string | undefined>>;
    } = {},
  ): Promise<ServerOverview[]> {
    const env = options.env ?? process.env;
    const settings = resolveSettings(env);
    const root = path.resolve(options.workspace ?? process.cwd());
    const servers = await resolveMcpServers(root, {
      env,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const configured = await resolveMcpServers(root, {
      env,
      defaults: false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const pool = createClientPool({ workspace: root, servers, parallelism: settings.parallelism });
    try {
      await pool.connect(undefined, options.signal ? { signal: options.signal } : {});
      await Promise.allSettled(
        pool
          .status()
          .filter((s) => s.state === 'ready')
          .map((s) => pool.ping(s.name, options.signal ? { signal: options.signal } : {})),
      );
      const reports = await withLastRunCalls(
        pool.status(),
        root,
        options.signal ? { signal: options.signal } : {},
      );
      return toServerOverviews(reports, new Set(Object.keys(configured)));
    } finally {
      await pool.close();
    }
  }

  async #start(
    start: WarnedRunStart,
    understood: {
      command: string;
      intent: IntentBase;
      planned?: PlannedIntent;
    },
    phases: AnyPhase[],
    connect: readonly string[],
    options: RunCommandOptions,
    runOptions: Pick<RunOptions, 'phaseSettings'>,
    saved?: { plan: ExecutionPlan; source: string; path: string },
  ): Promise<RunResult> {
    const { command, intent, planned } = understood;
    const plan = saved?.plan;
    const opened = await start.open(command);
    // The planner's warnings and the trace's, and those given below.
    const { warnings } = start;
    const { prepared, folder, tracer } = opened;
    const outputs: Partial<PhaseOutputs> = {};
    const resolved: RunOptions = {
      ...runOptions,
      ...(planned
        ? { intentSource: { by: 'model', planner: planned.planner, model: planned.model } }
        : {}),
      allowUnresolved: options.allowUnresolved === true,
      ...(options.baselineTests ? { baselineTests: true } : {}),
      ...(prepared.testCommand ? { testCommand: prepared.testCommand } : {}),
      ...(prepared.compile ? { compile: prepared.compile } : {}),
    };
    // Until the phases start, a failure is a refusal: the run leaves no folder.
    try {
      await checkNamedPaths(prepared.git.root, intent);
      // The servers search the checkout: only a clean one holds exactly the base commit's files.
      if (!saved && !options.allowDirty) {
        await refuseUnmentionedSymbols(
          prepared.git.root,
          prepared.baseCommit,
          intent,
          options.signal ? { signal: options.signal } : {},
        );
      }
      if (saved) {
        await checkPlanCommands(saved.plan, {
          root: prepared.git.root,
          source: saved.source,
          ...(prepared.testCommand ? { testCommand: prepared.testCommand } : {}),
          ...(prepared.compile ? { compile: prepared.compile } : {}),
          trust: options.trustPlanCommands === true,
          env: options.env ?? process.env,
          ...(options.signal ? { signal: options.signal } : {}),
          warn: (message) => {
            warnings.push(message);
            options.onEvent?.({ type: 'warning', message });
          },
        });
      }
      if (planned) await folder.writeText('context/intent.txt', planned.prompt);
      if (plan) {
        const effective = toEffectivePlan(plan, {
          ...(prepared.testCommand ? { testCommand: prepared.testCommand } : {}),
          ...(options.testTimeoutMs !== undefined ? { testTimeoutMs: options.testTimeoutMs } : {}),
        });
        resolved.plan = effective;
        resolved.phaseSettings = effective.data.phases;
        outputs.plan = {
          plan: effective,
          planPath: await folder.writeText('plan.json', effective.toJson()),
        };
      }
    } catch (error) {
      await start.abandon(error);
      throw error;
    }
    return executeRun({
      command,
      intent,
      phases,
      runOptions: resolved,
      settings: withModelSpending(
        plan
          ? { ...prepared.settings, phaseTokenBudget: plan.data.tokenBudget }
          : prepared.settings,
        planned,
      ),
      ...(planned ? { modelUsage: [planned.usage] } : {}),
      git: prepared.git,
      baseCommit: prepared.baseCommit,
      folder,
      tracer,
      connect,
      options,
      outputs,
      warnings,
      ...(planned ? { reading: toIntentReading(planned) } : {}),
      ...(prepared.github ? { github: prepared.github } : {}),
      ...(this.#warm ? { warm: this.#warm } : {}),
    });
  }
}

/** The run's budget less what the model planner's prompts took of it. */
function withModelSpending(settings: ResolvedSettings, planned?: PlannedIntent): ResolvedSettings {
  if (!planned) return settings;
  return {
    ...settings,
    runTokenBudget: Math.max(0, settings.runTokenBudget - planned.usage.promptTokens),
  };
}

function toPhaseSettings(options: Pick<RunCommandOptions, 'phaseSettings'>) {
  return options.phaseSettings === undefined
    ? createDefaultPhaseSettings()
    : mergePhaseSettings(options.phaseSettings, 'The phase settings (--phases)');
}

/** OPTIMIZE, EXECUTE and REVIEW. */
function carryingOutPhases(): AnyPhase[] {
  return [createOptimizePhase(), createExecutePhase(), createReviewPhase()];
}
