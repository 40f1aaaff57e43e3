import type { PhaseContext } from '../../core/phase.js';
import type { EarlyChecksReport, PythonImportReport } from '../../core/phase-outputs.js';
import type { ExecutionPlan } from '../../core/plan/execution-plan.js';
import type { WorktreeHandle } from '../../core/services.js';
import { transformFor } from '../../transforms/registry.js';
import { checkPythonImports } from '../shared/check-python-imports.js';

/** Every path the plan writes (edited, created, moved to), sorted. */
function writtenFiles(plan: ExecutionPlan): string[] {
  const written = plan
    .fileChanges()
    .flatMap((change) =>
      change.op === 'delete' ? [] : [change.op === 'move' ? change.to : change.file],
    );
  return [...new Set(written)].sort();
}

/**
 * Runs `check` under `signal`; undefined when `signal` ended because the tests or the compile
 * check failed first (not the run's own cancellation): then there is nothing to say. The
 * report's notes become warnings.
 */
async function unlessStoppedByOthers<T extends { notes: string[] }>(
  context: PhaseContext,
  signal: AbortSignal,
  check: () => Promise<T>,
): Promise<T | undefined> {
  const stoppedByOthers = () => signal.aborted && !context.signal.aborted;
  let report: T;
  try {
    report = await check();
  } catch (error) {
    if (stoppedByOthers()) return undefined;
    throw error;
  }
  if (stoppedByOthers()) return undefined;
  for (const note of report.notes) context.warn(note);
  return report;
}

/**
 * The import check of the change's Python files, when a pyrepl server is there to run it.
 * `signal` also ends when the tests or the compile check fail first: then nothing is reported.
 */
export async function importChangedModules(
  context: PhaseContext,
  plan: ExecutionPlan,
  worktree: WorktreeHandle,
  signal: AbortSignal,
): Promise<PythonImportReport | undefined> {
  const files = writtenFiles(plan).filter((file) => file.endsWith('.py'));
  if (!context.python || files.length === 0) return undefined;
  const python = context.python;
  return unlessStoppedByOthers(context, signal, () =>
    checkPythonImports(python, worktree.path, files, { signal }),
  );
}

/**
 * The transform's own checks before the tests (`verifyBeforeTests`, e.g. make_async's caller
 * check in Python) on the worktree, against the plan's check node; undefined when it has none
 * or the tests or the compile check failed first.
 */
export async function runTransformChecks(
  context: PhaseContext,
  plan: ExecutionPlan,
  worktree: WorktreeHandle,
  signal: AbortSignal,
): Promise<EarlyChecksReport | undefined> {
  const transform = transformFor(plan.data.intent.kind);
  if (!transform.verifyBeforeTests || signal.aborted) return undefined;
  const verify = transform.verifyBeforeTests;
  return unlessStoppedByOthers(context, signal, () =>
    verify(plan.data.intent, plan.node('check')?.verify ?? [], {
      worktreePath: worktree.path,
      files: worktree.files,
      changedFiles: writtenFiles(plan),
      git: context.git,
      graph: context.graph,
      ...(context.python ? { python: context.python } : {}),
      signal,
    }),
  );
}
