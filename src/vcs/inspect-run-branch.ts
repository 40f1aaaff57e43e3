import { runGit, runGitRaw } from './run-git.js';

/** What a leftover run branch holds, to decide whether deleting it loses anything. */
export type RunBranchContent =
  | { kind: 'missing' }
  /** Its tip is the run's base commit, or is on another branch too: deleting it loses nothing. */
  | { kind: 'disposable'; tip: string }
  /** Its tip is on no other branch: it holds commits of its own (a change the run made). */
  | { kind: 'own-commits'; tip: string };

/** Options for {@link inspectRunBranch}. */
export interface InspectRunBranchOptions {
  /** The commit the run started from, when known. */
  baseCommit?: string;
  /** Deadline for the git calls, in milliseconds (cleanup runs under its own). @default 30000 */
  timeoutMs?: number;
}

/** Looks at `branch` in the repository at `root` (see {@link RunBranchContent}). */
export async function inspectRunBranch(
  root: string,
  branch: string,
  options: InspectRunBranchOptions = {},
): Promise<RunBranchContent> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ref = `refs/heads/${branch}`;
  const tipOut = await runGitRaw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: root,
    timeoutMs,
  });
  if (tipOut.exitCode !== 0) return { kind: 'missing' };
  const tip = tipOut.stdout.trim();
  if (tip === options.baseCommit) return { kind: 'disposable', tip };
  const containing = await runGit(
    ['for-each-ref', `--contains=${tip}`, '--format=%(refname)', 'refs/heads/'],
    { cwd: root, timeoutMs },
  );
  const elsewhere = containing.split('\n').some((line) => line !== '' && line !== ref);
  return elsewhere ? { kind: 'disposable', tip } : { kind: 'own-commits', tip };
}
