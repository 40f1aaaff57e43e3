import { toErrorMessage } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import type { ChangeMemory } from './change-memory.js';
import type { RunResult } from './run-types.js';

/**
 * Records a run that committed a change in the memory server — the run (command, kind, time,
 * branch, commit, base), the symbols it changed, the files it edited — so `history` and LOGIC
 * can find it later. A memory that cannot be written is a warning: the change stands.
 */
export async function rememberRun(
  memory: ChangeMemory | undefined,
  run: { result: RunResult; intent: IntentBase; outputs: Partial<PhaseOutputs>; base: string },
  options: { signal?: AbortSignal; warn: (message: string) => void },
): Promise<void> {
  const { result, intent, outputs } = run;
  if (memory === undefined || !result.success || !result.commit || !result.branch) return;
  const targets = outputs.plan?.plan.data.analysis.targets ?? outputs.logic?.targets ?? [];
  const renamed = renameOf(intent);
  const symbols = [...new Set([...targets.map((t) => t.name), ...(renamed ? [renamed.to] : [])])];
  try {
    await memory.record(
      {
        runId: result.runId,
        command: result.command,
        kind: intent.kind,
        at: new Date().toISOString(),
        branch: result.branch,
        commit: result.commit,
        base: run.base,
        symbols,
        files: (result.diffStat?.files ?? []).map((f) => f.file),
        ...(renamed ? { renamed } : {}),
      },
      options.signal ? { signal: options.signal } : {},
    );
  } catch (error) {
    options.warn(`The memory server did not record the run: ${toErrorMessage(error)}`);
  }
}

function renameOf(intent: IntentBase): { from: string; to: string } | undefined {
  const fields = intent as IntentBase & { from?: unknown; to?: unknown };
  return intent.kind === 'rename' &&
    typeof fields.from === 'string' &&
    typeof fields.to === 'string'
    ? { from: fields.from, to: fields.to }
    : undefined;
}
