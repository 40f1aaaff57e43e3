import type { FileChange } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { IntentBase } from '../../core/intent.js';
import type { PhaseContext } from '../../core/phase.js';
import type { Transform } from '../../transforms/transform.js';

/**
 * Refuses a change that would edit a file with uncommitted changes (possible with
 * --allow-dirty): the analysis saw the uncommitted text, the change is made from the commit.
 */
export async function refuseDirtyChanges(
  context: Pick<PhaseContext, 'git' | 'signal' | 'intent'>,
  changedFiles: readonly string[],
): Promise<void> {
  const dirty = new Set(await context.git.dirtyFiles({ signal: context.signal }));
  const overlap = changedFiles.filter((file) => dirty.has(file));
  if (overlap.length > 0) {
    throw new OrchestratorError(
      'WORKTREE_DIRTY',
      `The ${context.intent.kind} change would edit ${overlap.length === 1 ? 'a file' : 'files'} with uncommitted changes: ${overlap.join(', ')}. The change is made from the last commit, so it would not hold them; commit or stash them first.`,
      { data: { files: overlap } },
    );
  }
}

/** Refuses changes the transform may not write (its own check, the same one `apply` uses). */
export function refuseForeignChanges(
  transform: Transform<IntentBase>,
  intent: IntentBase,
  changes: readonly FileChange[],
): void {
  const problems = changes.flatMap((change) => transform.checkChange(intent, change) ?? []);
  if (problems.length > 0) {
    throw new OrchestratorError(
      'INTERNAL',
      `The ${intent.kind} analysis produced changes it may not write:\n  ${problems.join('\n  ')}`,
      { data: { problems } },
    );
  }
}
