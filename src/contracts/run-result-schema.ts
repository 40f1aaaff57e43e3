import { z } from 'zod';

/**
 * The zod shape of a run's result (`result.json`, the `RunResult` of the library), as the
 * orchestrator's own MCP server declares it. Objects whose fields belong to one phase or
 * transform (a phase's `data`, the risk's extras) are loose: they may grow without breaking
 * clients.
 */

/** `{code, message}` of a failed run or phase. */
export const runErrorSchema = z.looseObject({ code: z.string(), message: z.string() });

/** One phase's result. */
export const phaseResultSchema = z.looseObject({
  phase: z.string(),
  success: z.boolean(),
  durationMs: z.number(),
  tokenCount: z.number(),
  retries: z.number(),
  data: z.record(z.string(), z.unknown()),
  error: runErrorSchema.optional(),
  warnings: z.array(z.string()),
  backoffs: z.array(z.unknown()),
});

/** MONTE CARLO's estimate. */
export const riskSchema = z.looseObject({
  seed: z.number(),
  simulations: z.number(),
  converged: z.boolean(),
  durationLimitMs: z.number(),
  pBreak: z.number().describe('Probability that the change breaks at least one file.'),
  pBreakUncovered: z
    .number()
    .describe('Probability that it breaks at least one file no test covers.'),
  blastRadius: z.looseObject({ p50: z.number(), p95: z.number(), max: z.number() }),
  testsToRun: z.array(z.string()),
  riskiestFiles: z.array(z.looseObject({ file: z.string(), pBreak: z.number() })),
});

/** The changed files' line counts. */
export const diffStatSchema = z.looseObject({
  files: z.array(z.looseObject({ file: z.string(), additions: z.number(), deletions: z.number() })),
  additions: z.number(),
  deletions: z.number(),
});

/** The pull request a successful run proposes. */
export const pullRequestSchema = z.looseObject({
  title: z.string(),
  body: z.string(),
  head: z.string(),
  base: z.string(),
  commit: z.string(),
  files: z.array(z.string()),
  additions: z.number(),
  deletions: z.number(),
  url: z.string().optional(),
  number: z.number().optional(),
});

/** An occurrence the change left alone, and why. */
export const leftAloneSchema = z.looseObject({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  length: z.number(),
  reason: z.string(),
  detail: z.string(),
});

/** How EXECUTE wrote the change (`WriteRoutes`). */
export const writeRoutesSchema = z.looseObject({
  filesystemServer: z.number(),
  direct: z.array(z.looseObject({ file: z.string(), reason: z.string() })),
  serverWaitMs: z.number(),
});

/** Fields of `RunResult`, as a raw shape (tools spread it into their output). */
/** The model tokens of a run: per step (`intent`: a model planner reading the command) and in total. */
export const modelTokensSchema = z.looseObject({
  phases: z.array(
    z.looseObject({
      phase: z.string(),
      planner: z.string(),
      model: z.string(),
      calls: z.number(),
      promptTokens: z.number(),
      inputTokens: z.number(),
      outputTokens: z.number(),
      usageFrom: z.enum(['api', 'counted']),
    }),
  ),
  inputTokens: z.number(),
  outputTokens: z.number(),
});

export const runResultShape = {
  success: z.boolean(),
  command: z.string(),
  runId: z.string(),
  runDir: z.string(),
  durationMs: z.number(),
  totalTokens: z.number(),
  modelTokens: modelTokensSchema
    .optional()
    .describe(
      "Model tokens from the APIs' usage figures, per step and in total; zeros when no model was asked.",
    ),
  phases: z.array(phaseResultSchema),
  branch: z.string().nullable().describe('The branch with the change; null unless it succeeded.'),
  commit: z.string().nullable(),
  plan: z.string().nullable().describe("Path of the run's plan.json."),
  pr: pullRequestSchema.nullable(),
  memoryPeakMb: z.number(),
  risk: riskSchema.nullable(),
  diffStat: diffStatSchema.nullable(),
  patch: z
    .string()
    .nullable()
    .describe('diff.patch: what was committed, what a dry run would change, or what failed.'),
  changeSize: z.looseObject({ edits: z.number(), files: z.number() }).nullable(),
  keptBranch: z
    .string()
    .nullable()
    .describe('With keepFailed, the branch that holds the failed change (…-failed).'),
  leftAlone: z.array(leftAloneSchema),
  checkoutChanges: z.array(z.looseObject({ path: z.string() })),
  prediction: z
    .looseObject({
      model: z.enum(['linear', 'median', 'rules']),
      runs: z.number(),
      testDurationMs: z.looseObject({
        predicted: z.number().nullable(),
        actual: z.number().nullable(),
        errorMs: z.number().nullable(),
      }),
      memoryPeakMb: z.looseObject({ predicted: z.number().nullable(), actual: z.number() }),
    })
    .nullable()
    .describe("OPTIMIZE's prediction against what the run measured; null before OPTIMIZE."),
  warnings: z.array(z.string()),
  error: runErrorSchema.nullable(),
  warm: z
    .object({ reused: z.boolean(), headMoved: z.boolean(), changedFiles: z.number() })
    .optional()
    .describe('Whether the servers were already up, and what changed since the last run.'),
  serverCalls: z
    .record(z.string(), z.record(z.string(), z.number()))
    .optional()
    .describe('Tool calls per server and per stage: a phase, setup, or record (after review).'),
  writes: writeRoutesSchema
    .nullable()
    .describe(
      'How EXECUTE wrote the change: file changes made by the filesystem MCP server, and those written directly, with why (deletes, non-UTF-8 or CRLF files).',
    ),
};

/** A whole `RunResult`. */
export const runResultSchema = z.looseObject(runResultShape);
