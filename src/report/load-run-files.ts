import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MEMORY_FILE_NAME, type MemoryLine, MemoryLineSchema } from '../telemetry/memory-log.js';
import { TRACE_FILE_NAME, type TraceLine, TraceLineSchema } from '../telemetry/trace-file.js';

const errorSchema = z.object({ code: z.string(), message: z.string() });

/** The parts of `result.json` the report reads (a run of an older version may lack some). */
export const ReportResultSchema = z.object({
  success: z.boolean(),
  command: z.string(),
  runId: z.string(),
  durationMs: z.number(),
  totalTokens: z.number(),
  phases: z.array(
    z.object({
      phase: z.string(),
      success: z.boolean(),
      durationMs: z.number(),
      tokenCount: z.number(),
      retries: z.number(),
      error: errorSchema.optional(),
    }),
  ),
  branch: z.string().nullable(),
  commit: z.string().nullable(),
  memoryPeakMb: z.number(),
  risk: z
    .object({
      seed: z.number(),
      simulations: z.number(),
      converged: z.boolean(),
      pBreak: z.number(),
      pBreakUncovered: z.number(),
      blastRadius: z.object({ p50: z.number(), p95: z.number(), max: z.number() }),
      blastRadiusHistogram: z
        .array(z.object({ files: z.number(), simulations: z.number() }))
        .optional(),
      testsToRun: z.array(z.string()),
      riskiestFiles: z.array(z.object({ file: z.string(), pBreak: z.number() })),
    })
    .nullable(),
  diffStat: z
    .object({
      files: z.array(z.object({ file: z.string(), additions: z.number(), deletions: z.number() })),
      additions: z.number(),
      deletions: z.number(),
    })
    .nullable(),
  warnings: z.array(z.string()),
  error: errorSchema.nullable(),
});

/** The parts of `plan.json` the report reads: its DAG, leniently (a hand-edited plan too). */
export const ReportPlanSchema = z.object({
  command: z.string(),
  tokenBudget: z.number().optional(),
  dag: z.object({
    nodes: z.array(
      z.looseObject({
        id: z.string(),
        op: z.string(),
        file: z.string().optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        edits: z.array(z.unknown()).optional(),
        command: z.array(z.string()).optional(),
        message: z.string().optional(),
      }),
    ),
    edges: z.array(z.tuple([z.string(), z.string()])),
  }),
});

export type ReportResult = z.infer<typeof ReportResultSchema>;
export type ReportPlan = z.infer<typeof ReportPlanSchema>;

/** What a run folder holds, read and checked; what is missing or unreadable is said in `problems`. */
export interface RunFiles {
  runDir: string;
  result: ReportResult | null;
  plan: ReportPlan | null;
  diff: string | null;
  trace: TraceLine[];
  memory: MemoryLine[];
  /** One sentence per file that is missing, unreadable or partly unreadable. */
  problems: string[];
}

/**
 * Reads `result.json`, `plan.json`, `diff.patch`, `trace.jsonl` and `memory.jsonl` of a run
 * folder. Never throws for a missing or damaged file (a run that crashed leaves some out): it
 * is left out and named in `problems`. Lines of the JSON-lines files that do not parse are
 * skipped and counted.
 */
export async function loadRunFiles(
  runDir: string,
  options: { signal?: AbortSignal } = {},
): Promise<RunFiles> {
  const names = ['result.json', 'plan.json', 'diff.patch', TRACE_FILE_NAME, MEMORY_FILE_NAME];
  const read = async (name: string): Promise<{ text: string | null; problem?: string }> => {
    options.signal?.throwIfAborted();
    try {
      return { text: await readFile(path.join(runDir, name), 'utf8') };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const problem =
        code === 'ENOENT' ? `${name}: not in the run folder.` : `${name}: ${String(error)}`;
      return { text: null, problem };
    }
  };
  const texts = await Promise.all(names.map(read));
  // Problems in file order, whatever order the reads finished in.
  const problems = texts.flatMap((t) => (t.problem === undefined ? [] : [t.problem]));
  const [resultText, planText, diff, traceText, memoryText] = texts.map((t) => t.text);
  return {
    runDir,
    result: parseJson(resultText, 'result.json', ReportResultSchema, problems),
    plan: parseJson(planText, 'plan.json', ReportPlanSchema, problems),
    diff: diff ?? null,
    trace: parseLines(traceText, TRACE_FILE_NAME, TraceLineSchema, problems),
    memory: parseLines(memoryText, MEMORY_FILE_NAME, MemoryLineSchema, problems),
    problems,
  };
}

function parseJson<T>(
  text: string | null | undefined,
  name: string,
  schema: z.ZodType<T>,
  problems: string[],
): T | null {
  if (text === null || text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push(`${name}: not JSON (${(error as Error).message}).`);
    return null;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  problems.push(
    `${name}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}.`,
  );
  return null;
}

function parseLines<T>(
  text: string | null | undefined,
  name: string,
  schema: z.ZodType<T>,
  problems: string[],
): T[] {
  if (text === null || text === undefined) return [];
  const rows: T[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) rows.push(parsed.data);
      else bad += 1;
    } catch {
      bad += 1;
    }
  }
  if (bad > 0) problems.push(`${name}: ${bad} line(s) could not be read and are left out.`);
  return rows;
}
