import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ExecutionPlanData, RunResult } from 'mcp-orchestrator';
import { runTimed } from './run-timed.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'cli', 'main.js');

/** One run of the built CLI, as a user would start it. */
export interface OrchestratorRun {
  /** Wall time of the CLI process, Node's start-up included. */
  wallMs: number;
  exitCode: number | null;
  peakRssMb: number;
  /** Peak RSS without the processes working in the run's worktrees: the tests and what they start. */
  peakRssWithoutTestsMb: number;
  result: RunResult;
  plan: ExecutionPlanData | undefined;
  stderr: string;
}

/** Runs `mcp-orchestrator run <command> --json` in `dir` and reads its result and plan. */
export async function runOrchestrator(
  dir: string,
  command: string,
  extra: readonly string[] = [],
): Promise<OrchestratorRun> {
  const run = await runTimed(
    [process.execPath, CLI, 'run', command, '--workspace', dir, '--json', ...extra],
    { cwd: dir, rssOutside: path.join(realpathSync(dir), '.mcp-orchestrator', 'worktrees') },
  );
  let result: RunResult;
  try {
    result = JSON.parse(run.stdout) as RunResult;
  } catch {
    throw new Error(`The CLI printed no result (exit ${run.exitCode}): ${run.stderr.slice(-800)}`);
  }
  const plan =
    typeof result.plan === 'string'
      ? (JSON.parse(readFileSync(result.plan, 'utf8')) as ExecutionPlanData)
      : undefined;
  return {
    wallMs: run.ms,
    exitCode: run.exitCode,
    peakRssMb: run.peakRssMb,
    peakRssWithoutTestsMb: run.peakRssOutsideMb,
    result,
    plan,
    stderr: run.stderr,
  };
}

/** A phase's duration in a result (0 when it did not run). */
export function phaseMs(result: RunResult, phase: string): number {
  return result.phases.find((p) => p.phase === phase)?.durationMs ?? 0;
}

/** What EXECUTE reported of the tests and the compile check. */
export function executeFacts(result: RunResult): {
  testMs: number;
  compileMs: number;
  compile: string;
} {
  const data = result.phases.find((p) => p.phase === 'execute')?.data as
    | { test?: { durationMs?: number }; compile?: { description?: string; durationMs?: number } }
    | undefined;
  return {
    testMs: data?.test?.durationMs ?? 0,
    compileMs: data?.compile?.durationMs ?? 0,
    compile: data?.compile?.description ?? 'none',
  };
}
