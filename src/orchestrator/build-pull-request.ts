import type { PhaseResult } from '../core/phase.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import { toLastLines } from '../phases/shared/output-lines.js';
import { toPullRequest } from '../vcs/pull-request.js';
import type { IntentReading } from './record-reasoning.js';
import type { PullRequestSummary } from './run-types.js';

/** The pull request for a run whose REVIEW committed; null otherwise. */
export function buildPullRequest(options: {
  command: string;
  baseBranch: string;
  outputs: Partial<PhaseOutputs>;
  phases: readonly PhaseResult[];
  /** The committed diff (diff.patch). */
  diff?: string;
  /** How a model planner read the command. */
  reading?: IntentReading;
}): PullRequestSummary | null {
  const { outputs } = options;
  const review = outputs.review;
  const execute = outputs.execute;
  const plan = outputs.plan?.plan;
  if (!review || !execute || !plan) return null;
  const risk = outputs.monte_carlo;
  const { analysis } = plan.data;
  return toPullRequest({
    title: analysis.title,
    targets: analysis.targets.map((t) => ({
      file: t.file,
      line: t.line,
      name: t.name,
      kind: t.kind,
      ...(t.container === undefined ? {} : { container: t.container }),
    })),
    leftAlone: analysis.leftAlone.map((o) => ({
      file: o.file,
      line: o.line,
      column: o.column,
      reason: o.reason,
      detail: o.detail,
    })),
    compile: { description: execute.compile.description, passed: execute.compile.passed },
    ...(options.diff === undefined ? {} : { diff: options.diff }),
    ...(options.reading === undefined
      ? {}
      : { reading: { readBy: options.reading.readBy, steps: [...options.reading.steps] } }),
    command: options.command,
    branch: execute.worktree.branch,
    baseBranch: options.baseBranch,
    baseCommit: plan.data.base,
    commit: review.commit,
    diffStat: {
      ...review.diffStat,
      files: review.diffStat.files.map((f) => ({ binary: false, ...f })),
    },
    phaseRows: options.phases.map((p) => ({
      phase: p.phase,
      status: p.success ? 'ok' : 'failed',
      durationMs: p.durationMs,
      tokens: p.tokenCount,
      retries: p.retries,
    })),
    risk: {
      breakageProbability: risk?.pBreak ?? 0,
      blastRadiusP50: risk?.blastRadius.p50 ?? 0,
      blastRadiusP95: risk?.blastRadius.p95 ?? 0,
      ...(risk ? { iterations: risk.simulations, testsToRun: risk.testsToRun } : {}),
    },
    tests: {
      command: execute.test.command.join(' '),
      passed: execute.test.passed,
      durationMs: execute.test.durationMs,
      summary: toLastLines(execute.test.outputTail, 3),
    },
  });
}
