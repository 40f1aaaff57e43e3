import { access, readFile, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { STATE_DIR_NAME } from './open-git-workspace.js';
import { runGit, runGitRaw } from './run-git.js';

/** Default deadline for a rollback or release, in milliseconds. */
export const DEFAULT_CLEANUP_TIMEOUT_MS = 30_000;

/** Options for {@link removeWorktree}. */
export interface RemoveWorktreeOptions {
  /** Branch to delete as well; omit to keep the branch. */
  deleteBranch?: string;
  /** Own deadline for the whole removal (never the run's signal). @default 30000 */
  timeoutMs?: number;
}

/**
 * Removes the worktree folder at `worktreePath`, prunes git's record of it and, when asked,
 * deletes a branch. Every step is tried even when an earlier one failed; it throws
 * `GIT_FAILED` (listing every error) only when the folder or the branch is still there.
 * Safe to call when some or all of it is already gone.
 */
export async function removeWorktree(
  root: string,
  worktreePath: string,
  options: RemoveWorktreeOptions = {},
): Promise<void> {
  const deadlineAt = Date.now() + (options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS);
  const git = (args: string[]) =>
    runGit(args, { cwd: root, timeoutMs: Math.max(1, deadlineAt - Date.now()) });
  const errors: unknown[] = [];
  const step = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      errors.push(error);
    }
  };
  const branch = options.deleteBranch;

  if (await exists(worktreePath)) {
    await step(() => git(['worktree', 'remove', '--force', '--force', worktreePath]));
    // rm does not follow symlinks, so linked node_modules in the checkout stay intact.
    await step(() => rm(worktreePath, { recursive: true, force: true, maxRetries: 2 }));
  }
  await step(() => git(['worktree', 'prune']));
  if (branch !== undefined) {
    await step(async () => {
      if (!(await branchExists(root, branch, deadlineAt))) return;
      const packedRefs = path.join(
        path.resolve(root, (await git(['rev-parse', '--git-common-dir'])).trim()),
        'packed-refs',
      );
      const hadPackedRefs = await exists(packedRefs);
      await git(['branch', '-D', '--', branch]);
      // git 2.39 writes a header-only packed-refs when it deletes a loose ref; it was not there before.
      if (!hadPackedRefs) await removeIfHeaderOnly(packedRefs);
    });
  }
  const worktreesDir = path.dirname(worktreePath);
  if (path.basename(worktreesDir) === 'worktrees') {
    await removeIfEmpty(worktreesDir);
    const stateDir = path.dirname(worktreesDir);
    if (path.basename(stateDir) === STATE_DIR_NAME) await removeIfEmpty(stateDir);
  }

  const leftovers: string[] = [];
  if (await exists(worktreePath)) leftovers.push(`folder ${worktreePath}`);
  if (branch !== undefined && (await branchExists(root, branch, deadlineAt).catch(() => true))) {
    leftovers.push(`branch ${branch}`);
  }
  if (leftovers.length > 0) {
    const reasons = errors.map(toErrorMessage);
    throw new OrchestratorError(
      'GIT_FAILED',
      `Could not remove ${leftovers.join(' and ')} in ${root}: ${reasons.join('; ') || 'unknown reason'}. Remove them by hand ("git worktree remove --force", "git branch -D").`,
      { data: { root, worktreePath, branch, leftovers, errors: reasons }, cause: errors[0] },
    );
  }
}

async function branchExists(root: string, branch: string, deadlineAt: number): Promise<boolean> {
  const out = await runGitRaw(['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], {
    cwd: root,
    timeoutMs: Math.max(1, deadlineAt - Date.now()),
  });
  return out.exitCode === 0;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Removes a folder we created only when nothing else is in it (another run may share it). */
async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}

async function removeIfHeaderOnly(packedRefs: string): Promise<void> {
  const content = await readFile(packedRefs, 'utf8').catch(() => null);
  if (content === null) return;
  const refs = content.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  if (refs.length === 0) await unlink(packedRefs).catch(() => undefined);
}
