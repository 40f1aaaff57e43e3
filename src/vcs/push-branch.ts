import type { GitWorkspace } from './open-git-workspace.js';
import { runGitRaw, toGitError } from './run-git.js';

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
  const args = ['push', '--porcelain', '--', remote, `${ref}:${ref}`];
  const output = await runGitRaw(args, {
    cwd: workspace.root,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  if (output.exitCode !== 0) {
    // --porcelain prints the per-ref verdict ("! refs/heads/x ... [rejected] (non-fast-forward)") on stdout.
    const verdict = output.stdout.trim();
    throw toGitError(args, workspace.root, {
      ...output,
      stderr: verdict === '' ? output.stderr : `${output.stderr.trim()}\n${verdict}`,
    });
  }
}
