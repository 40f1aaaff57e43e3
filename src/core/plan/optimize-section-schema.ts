import { z } from 'zod';

const count = z.number().int().nonnegative();
const positive = z.number().int().positive();
const ms = z.number().int().nonnegative();

/** One earlier run as the model read it: files, edits, workers, test ms, peak MB. */
const sampleSchema = z.tuple([count, count, positive, ms, z.number().nonnegative()]);

/**
 * What OPTIMIZE decided for one carrying-out of a plan, and everything it decided from. It is a
 * pure function of `inputs` (and the plan's test node): the same inputs give the same bytes, so
 * the section can be checked by recomputing it. It is not part of what PLAN makes — `plan`
 * never writes it, and the same command on the same commit still gives the same plan without
 * it; `run` and `apply` add it to the run folder's plan.json as the plan was carried out.
 */
export const optimizeSectionSchema = z.strictObject({
  inputs: z.strictObject({
    cores: positive,
    /** CLAUDE_CODE_PARALLELISM, as the run had it when OPTIMIZE started. */
    parallelismLimit: positive,
    memoryLimitMb: z.number().int().positive(),
    /** ORCHESTRATOR_MEMORY_THRESHOLD: share of the memory limit a run may plan to use. */
    memoryThreshold: z.number().positive().max(1),
    pressureHigh: z.boolean(),
    fileCount: count,
    editCount: count,
    /** Test files that reach the change (MONTE CARLO's testsToRun), in its order. */
    testsFirst: z.array(z.string().min(1)),
    /** `--test-timeout` or the plan's `test_timeout_ms`; `null` when neither was given. */
    fixedTestTimeoutMs: positive.nullable(),
    /** package.json's test, pretest and posttest scripts, when the test node runs `npm test`. */
    testScripts: z.record(z.string(), z.string()).nullable(),
    /** Successful earlier runs of this kind and language, newest first (no ids, no times). */
    history: z.array(sampleSchema),
  }),
  runner: z.strictObject({
    name: z.enum(['pytest', 'unittest', 'node-test', 'vitest', 'other']),
    /** How the runner is told its worker count (`--maxWorkers`), or `null`. */
    workersFlag: z.string().nullable(),
    /** How it stops at the first failure (`-x`, `--bail=1`), or `null`. */
    failFastFlag: z.string().nullable(),
    /** Whether the tests that reach the change can be run first in the same run. */
    ordersTests: z.boolean(),
  }),
  model: z.strictObject({
    kind: z.enum(['linear', 'median', 'rules']),
    /** Runs the model was fitted to. */
    runs: count,
    /** Test ms = intercept + perFile·files + perEdit·edits + perInverseWorker/workers. */
    testMs: z
      .strictObject({
        intercept: z.number(),
        perFile: z.number(),
        perEdit: z.number(),
        perInverseWorker: z.number(),
      })
      .nullable(),
    /** Peak MB = base + perWorker·workers. */
    memoryMb: z.strictObject({ base: z.number(), perWorker: z.number() }).nullable(),
  }),
  choice: z.strictObject({
    parallelism: positive,
    batchSize: positive,
    testTimeoutMs: positive,
    /** The argv EXECUTE runs for the tests (the test node's command, tuned). */
    testCommand: z.array(z.string().min(1)).min(1),
  }),
  prediction: z.strictObject({
    testDurationMs: ms.nullable(),
    memoryPeakMb: ms.nullable(),
  }),
  reasons: z.array(z.string().min(1)),
});

export type OptimizeSection = z.infer<typeof optimizeSectionSchema>;
