import { OrchestratorError } from '../../core/errors.js';
import type { PhaseContext } from '../../core/phase.js';
import type { TextEdit } from '../../core/source-types.js';

/**
 * Keeps the edits in files git tracks at the base commit. Untracked copies (build output, a
 * vendored or generated file) are not part of the change; the run says which it left alone.
 */
export function keepTrackedEdits(
  context: PhaseContext,
  tracked: ReadonlySet<string>,
  edits: readonly TextEdit[],
): TextEdit[] {
  const kept = edits.filter((edit) => tracked.has(edit.file));
  const skipped = [...new Set(edits.filter((edit) => !tracked.has(edit.file)).map((e) => e.file))];
  if (skipped.length > 0) {
    context.warn(
      `LOGIC: ${skipped.length} file(s) not tracked by git left alone: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}.`,
    );
  }
  return kept;
}

/**
 * Refuses a rename that would edit a file with uncommitted changes (possible with
 * --allow-dirty): the analysis saw the uncommitted text, the change is made from the commit.
 */
export async function refuseDirtyEdits(
  context: PhaseContext,
  editedFiles: readonly string[],
): Promise<void> {
  const dirty = new Set(await context.git.dirtyFiles({ signal: context.signal }));
  const overlap = editedFiles.filter((file) => dirty.has(file));
  if (overlap.length > 0) {
    throw new OrchestratorError(
      'WORKTREE_DIRTY',
      `The rename edits files with uncommitted changes: ${overlap.join(', ')}. Commit or stash them first.`,
      { data: { files: overlap } },
    );
  }
}
