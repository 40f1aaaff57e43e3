import { toErrorMessage } from '../core/errors.js';
import type { PhaseOutputs } from '../core/phase-outputs.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { runGit } from '../vcs/run-git.js';
import { uniqueBranchName } from '../vcs/slugify-branch.js';
import type { RunFolder } from './run-folder.js';
import type { PhasesOutcome } from './run-phases.js';

/** What a failed run kept of its change. */
export interface FailedChange {
  /** The run folder's diff.patch of the change that failed, when it edited anything. */
  patch: string | null;
  /** With `keepFailed`: the branch (`…-failed`) holding the change, committed. */
  keptBranch: string | null;
}

/**
 * Before a failed run rolls back: writes the change's diff.patch to the run folder and, with
 * `keepFailed`, commits the change and keeps its branch as `<branch>-failed` (the worktree
 * folder is removed either way). A step that fails is a warning; rollback still follows.
 */
export async function keepFailedChange(options: {
  outcome: PhasesOutcome;
  git: GitWorkspace;
  folder: RunFolder;
  command: string;
  keepFailed: boolean;
  warn: (message: string) => void;
}): Promise<FailedChange> {
  const { outcome, folder, warn } = options;
  const kept: FailedChange = { patch: null, keptBranch: null };
  const worktree = ((await outcome.git?.worktrees()) ?? [])[0];
  if (outcome.failure === null || worktree === undefined) return kept;
  try {
    const patch = await worktree.diffPatch();
    if (patch === '') return kept;
    kept.patch = await folder.writeText('diff.patch', patch);
    if (!options.keepFailed) return kept;
    const files = toChangedFiles(outcome.outputs);
    await worktree.commitFiles(
      files,
      `mcp-orchestrator (failed, ${outcome.failure.code}): ${options.command}`,
    );
    await worktree.release();
    const failedName = await uniqueBranchName(options.git, `${worktree.branch}-failed`);
    await runGit(['branch', '-m', worktree.branch, failedName], { cwd: options.git.root });
    kept.keptBranch = failedName;
  } catch (error) {
    warn(`Could not keep the failed change: ${toErrorMessage(error)}`);
  }
  return kept;
}

function toChangedFiles(outputs: Partial<PhaseOutputs>): string[] {
  const changes = outputs.plan?.plan.fileChanges() ?? [];
  return [...new Set(changes.flatMap((c) => (c.op === 'move' ? [c.file, c.to] : [c.file])))].sort();
}
