import type { GitWorkspace } from './open-git-workspace.js';
import { runGit } from './run-git.js';

/** Options for {@link pushBranch}. */
export interface PushBranchOptions {
  signal?: AbortSignal;
  /** Deadline for the push, in milliseconds. @default 120000 */
  timeoutMs?: number;
}

/**
 * Pushes `refs/heads/<branch>` to the same name on `remote` (a remote name or URL). Never
 * forces, never prompts for credentials and never sets an upstream (which would write the
 * user's config). Throws `GIT_FAILED` with git's message when the push is refused.
 */
export async function pushBranch(
  workspace: GitWorkspace,
  remote: string,
  branch: string,
  options: PushBranchOptions = {},
): Promise<void> {
  const ref = `refs/heads/${branch}`;
  await runGit(['push', '--porcelain', '--', remote, `${ref}:${ref}`], {
    cwd: workspace.root,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}
