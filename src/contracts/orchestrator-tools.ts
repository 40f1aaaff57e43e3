import { z } from 'zod';
import { executionPlanSchema } from '../core/plan/plan-schema.js';
import {
  phaseResultSchema,
  riskSchema,
  runErrorSchema,
  runResultSchema,
  runResultShape,
} from './run-result-schema.js';
import { defineContract } from './tool-contract.js';

/**
 * The tools of `mcp-orchestrator mcp`, the orchestrator itself as an MCP server: each input and
 * output as a zod shape the server declares (JSON Schema on the wire) and checks its
 * `structuredContent` against.
 */

const SERVER = 'mcp-orchestrator';

/** A run id as run folders are named: `20250101T120000Z-a1b2c3`. */
export const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

const workspace = z
  .string()
  .min(1)
  .optional()
  .describe(
    'Any folder inside the git repository (absolute, or relative to the server). Default: the --workspace the server was started with.',
  );
const command = z
  .string()
  .min(1)
  .max(2_000)
  .describe(
    'The change in words, e.g. "rename getUser to fetchUser" or "make fetch_prices async".',
  );
const runId = z
  .string()
  .regex(RUN_ID_PATTERN, 'must be a run id such as 20250101T120000Z-a1b2c3')
  .describe('A run id, as list_runs and every run tool return it.');

/** Options every carrying-out tool takes (the CLI's flags of the same names). */
const runOptions = {
  testCommand: z
    .string()
    .min(1)
    .optional()
    .describe('Shell command that runs the tests. Default: detected.'),
  testTimeoutSeconds: z
    .number()
    .positive()
    .max(86_400)
    .optional()
    .describe('How long the tests may run. Default: decided by OPTIMIZE.'),
  allowDirty: z
    .boolean()
    .optional()
    .describe('Run although the checkout has uncommitted changes. Default false.'),
};

const planOptions = {
  ...runOptions,
  compileCommand: z
    .string()
    .min(1)
    .optional()
    .describe("Command that compiles the changed tree instead of the language servers' check."),
  noCompile: z.boolean().optional().describe('No compile check. Default false.'),
  allowUnresolved: z
    .boolean()
    .optional()
    .describe('Keep occurrences the analysis cannot resolve instead of refusing. Default false.'),
  phases: z
    .array(z.looseObject({ phase: z.string().min(1) }))
    .optional()
    .describe('Per-phase settings in the plan\'s shape, e.g. [{"phase":"monte_carlo","seed":7}].'),
};

/** Resource URIs of a run's files. */
const resources = z
  .array(z.string())
  .describe("The run's plan.json, result.json and diff.patch, as resource URIs (those it wrote).");

/** `plan_change`: the plan and the risk, nothing written but the run folder. */
export const planChangeContract = defineContract({
  server: SERVER,
  tool: 'plan_change',
  description:
    'Plans a code change without making it: MAP, LOGIC, MONTE CARLO and PLAN on the repository. ' +
    'Returns the plan (the same JSON as plan.json: the DAG of edits, test, check and commit) and ' +
    'the risk estimate. No branch, no edits. Apply it later with apply_plan {runId}.',
  input: { command, workspace, ...planOptions },
  output: {
    success: z.boolean(),
    command: z.string(),
    runId: z.string(),
    plan: executionPlanSchema.nullable().describe('The plan; null when planning failed.'),
    risk: riskSchema.nullable(),
    phases: z.array(phaseResultSchema),
    warnings: z.array(z.string()),
    error: runErrorSchema.nullable(),
    resources,
  },
});

/** `run_change`: the whole run, a branch with a test-green commit. */
export const runChangeContract = defineContract({
  server: SERVER,
  tool: 'run_change',
  description:
    'Plans and carries out a code change: the seven phases, edits in a separate worktree, the ' +
    "tests and a compile check there, and a commit on a new branch. The user's checkout is " +
    'never touched; on any failure (or cancellation) the branch is rolled back. Returns the ' +
    'branch, the commit, the diff stat and the whole run result.',
  input: { command, workspace, ...planOptions },
  output: { ...runResultShape, resources },
});

/** `apply_plan`: carries out a saved plan. */
export const applyPlanContract = defineContract({
  server: SERVER,
  tool: 'apply_plan',
  description:
    'Carries out a plan: that of an earlier plan_change (runId) or one given as JSON (plan) — ' +
    'OPTIMIZE, EXECUTE and REVIEW. The plan must be based on a commit of this repository; its ' +
    'test and compile commands run only when they are the ones this machine would choose, ' +
    'unless trustPlanCommands.',
  input: {
    workspace,
    runId: runId.optional().describe('Apply the plan.json of this run.'),
    plan: z
      .looseObject({})
      .optional()
      .describe("A plan in plan.json's shape (as plan_change returns it)."),
    trustPlanCommands: z
      .boolean()
      .optional()
      .describe("Run the plan's own test and compile commands as written. Default false."),
    ...runOptions,
  },
  output: { ...runResultShape, resources },
});

/** `explain_command`: what a command means and would change. */
export const explainCommandContract = defineContract({
  server: SERVER,
  tool: 'explain_command',
  description:
    'Says what a command would do, without a plan file or a worktree: the intent it reads as ' +
    'and, with a repository, the symbols it resolves to, the files and edits, what is left ' +
    'alone and the risk.',
  input: { command, workspace },
  output: {
    success: z.boolean(),
    command: z.string(),
    intent: z.looseObject({ kind: z.string() }).nullable(),
    explanation: z.record(z.string(), z.unknown()).nullable(),
    warnings: z.array(z.string()),
    error: runErrorSchema.nullable(),
  },
});

/** One run as `list_runs` reports it. */
export const runSummarySchema = z.object({
  runId: z.string(),
  command: z.string().nullable(),
  /** Null for a run folder without result.json (a run under way, or one that died). */
  success: z.boolean().nullable(),
  durationMs: z.number().nullable(),
  branch: z.string().nullable(),
  commit: z.string().nullable(),
  errorCode: z.string().nullable(),
  files: z.array(z.string()).describe('What the run folder holds: plan.json, result.json, …'),
});

/** `list_runs`: the runs of a repository, newest first. */
export const listRunsContract = defineContract({
  server: SERVER,
  tool: 'list_runs',
  description:
    'The runs of a repository (.mcp-orchestrator/runs/), newest first: command, outcome, ' +
    'branch and commit.',
  input: {
    workspace,
    limit: z.number().int().min(1).max(500).optional().describe('Most runs to list. Default 20.'),
  },
  output: { root: z.string(), runs: z.array(runSummarySchema) },
});

/** `get_run`: one run's result and files. */
export const getRunContract = defineContract({
  server: SERVER,
  tool: 'get_run',
  description:
    'One run: its result.json (null while it runs or if it died), the files in its folder and ' +
    'their resource URIs.',
  input: { workspace, runId },
  output: {
    root: z.string(),
    runId: z.string(),
    result: runResultSchema.nullable(),
    files: z.array(z.string()),
    resources,
  },
});

/** One recorded run as `change_history` reports it. */
export const historyEntrySchema = z.object({
  runId: z.string(),
  command: z.string(),
  kind: z.string(),
  at: z.string(),
  branch: z.string(),
  commit: z.string(),
  base: z.string(),
  symbols: z.array(z.string()),
  files: z.array(z.string()),
  merged: z.boolean().describe('Whether HEAD contains the commit yet.'),
});

/** `change_history`: what earlier runs changed, from the memory server. */
export const changeHistoryContract = defineContract({
  server: SERVER,
  tool: 'change_history',
  description:
    'What earlier runs changed, as the memory server recorded them, oldest first: command, ' +
    'symbols, files, branch, commit and whether HEAD contains it — e.g. what renamed record_entry.',
  input: {
    workspace,
    symbol: z
      .string()
      .min(1)
      .optional()
      .describe('Only the runs that changed this symbol (its old or its new name).'),
  },
  output: { runs: z.array(historyEntrySchema) },
});
