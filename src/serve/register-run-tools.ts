import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { z } from 'zod';
import {
  applyPlanContract,
  planChangeContract,
  runChangeContract,
} from '../contracts/orchestrator-tools.js';
import { OrchestratorError } from '../core/errors.js';
import { type RunCommandOptions, type RunResult, readRun } from '../orchestrator.js';
import { createProgressNotifier, type ToolExtra } from './progress-notifier.js';
import { samplingPlannerOf } from './sampling-option.js';
import {
  resolveWorkspace,
  type ServeContext,
  toRootOfRun,
  toRunFileUri,
  toRunSignal,
} from './serve-context.js';
import { runCall } from './to-call-result.js';

type PlanInput = z.infer<z.ZodObject<typeof planChangeContract.input>>;
type ApplyInput = z.infer<z.ZodObject<typeof applyPlanContract.input>>;

/** Phases each tool runs, for the progress total. */
const PLANNING_PHASES = 4;
const ALL_PHASES = 7;
const CARRYING_OUT_PHASES = 3;

/** Registers `plan_change`, `run_change` and `apply_plan`. */
export function registerRunTools(server: McpServer, context: ServeContext): void {
  const { orchestrator } = context;

  server.registerTool(
    planChangeContract.tool,
    {
      description: planChangeContract.description,
      inputSchema: planChangeContract.input,
      outputSchema: planChangeContract.output,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const result = await orchestrator.run(input.command, {
          ...toRunOptions(context, input, extra, PLANNING_PHASES),
          ...samplingPlannerOf(server),
          dryRun: true,
        });
        const resources = await noteRun(context, result);
        const plan = result.success && result.plan ? await readJson(result.plan) : null;
        return {
          value: {
            success: result.success,
            command: result.command,
            runId: result.runId,
            plan,
            risk: result.risk,
            phases: result.phases,
            warnings: result.warnings,
            error: result.error,
            resources,
          },
          failed: !result.success,
        };
      }),
  );

  server.registerTool(
    runChangeContract.tool,
    {
      description: runChangeContract.description,
      inputSchema: runChangeContract.input,
      outputSchema: runChangeContract.output,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const result = await orchestrator.run(input.command, {
          ...toRunOptions(context, input, extra, ALL_PHASES),
          ...samplingPlannerOf(server),
        });
        return {
          value: { ...result, resources: await noteRun(context, result) },
          failed: !result.success,
        };
      }),
  );

  server.registerTool(
    applyPlanContract.tool,
    {
      description: applyPlanContract.description,
      inputSchema: applyPlanContract.input,
      outputSchema: applyPlanContract.output,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const options: RunCommandOptions = {
          ...toRunOptions(context, input, extra, CARRYING_OUT_PHASES),
          ...(input.trustPlanCommands ? { trustPlanCommands: true } : {}),
        };
        const result = await withPlanFile(context, input, (planPath) =>
          orchestrator.apply(planPath, options),
        );
        return {
          value: { ...result, resources: await noteRun(context, result) },
          failed: !result.success,
        };
      }),
  );
}

/** The library's options for a tool call: the call's signal, progress, and the flags it gave. */
function toRunOptions(
  context: ServeContext,
  input: Partial<PlanInput>,
  extra: ToolExtra,
  phaseCount: number,
): RunCommandOptions {
  return {
    workspace: resolveWorkspace(context, input.workspace),
    signal: toRunSignal(context, extra.signal),
    onEvent: createProgressNotifier(extra, phaseCount),
    ...(input.phases ? { phaseSettings: input.phases } : {}),
    ...(input.testCommand !== undefined ? { testCommand: input.testCommand } : {}),
    ...(input.testTimeoutSeconds !== undefined
      ? { testTimeoutMs: Math.round(input.testTimeoutSeconds * 1000) }
      : {}),
    ...(input.compileCommand !== undefined ? { compileCommand: input.compileCommand } : {}),
    ...(input.noCompile ? { noCompile: true } : {}),
    ...(input.allowDirty ? { allowDirty: true } : {}),
    ...(input.allowUnresolved ? { allowUnresolved: true } : {}),
  };
}

/**
 * Runs `body` with the path of the plan to apply: the plan.json of run `runId`, or `plan`
 * written to a private temp file (removed afterwards).
 */
async function withPlanFile(
  context: ServeContext,
  input: ApplyInput,
  body: (planPath: string) => Promise<RunResult>,
): Promise<RunResult> {
  if ((input.runId === undefined) === (input.plan === undefined)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      'apply_plan takes exactly one of runId (a plan_change run) and plan (the plan as JSON).',
      { data: { field: input.runId === undefined ? 'runId' : 'plan' } },
    );
  }
  if (input.runId !== undefined) {
    const run = await readRun(resolveWorkspace(context, input.workspace), input.runId);
    if (!run.files.includes('plan.json')) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `Run ${input.runId} has no plan.json (it stopped before PLAN${run.result?.error ? `: ${run.result.error.code}` : ''}). Plan again with plan_change.`,
        { data: { field: 'runId', runId: input.runId } },
      );
    }
    return body(path.join(run.runDir, 'plan.json'));
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'mcpo-plan-'));
  try {
    const file = path.join(dir, 'plan.json');
    await writeFile(file, `${JSON.stringify(input.plan, null, 2)}\n`, { mode: 0o600 });
    return await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Remembers the run's repository and returns the resource URIs of the files it wrote. */
async function noteRun(context: ServeContext, result: RunResult): Promise<string[]> {
  context.roots.add(toRootOfRun(result.runDir));
  const run = await readRun(toRootOfRun(result.runDir), result.runId).catch(() => undefined);
  return (run?.files ?? [])
    .filter((file) => file !== 'trace.jsonl' && file !== 'pr.json')
    .map((file) => toRunFileUri(result.runId, file));
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}
