import path from 'node:path';
import type { GitService, WorktreeHandle } from '../core/services.js';
import { countWholeWord, listTrackedFiles } from '../vcs/count-whole-word.js';
import { findPythonInterpreter, linkDependencies } from '../vcs/link-dependencies.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import type { RunJournal } from '../vcs/run-journal-writer.js';
import { slugifyBranch, toWorktreePath, uniqueBranchName } from '../vcs/slugify-branch.js';
import { createWorktree } from '../vcs/worktree.js';

/**
 * Adapts the vcs layer to the `GitService` the phases see. With the run's `journal`, each
 * worktree step is recorded so a crashed run can be cleaned up by the next one.
 */
export async function createGitService(
  workspace: GitWorkspace,
  journal?: RunJournal,
): Promise<GitService> {
  const python = await findPythonInterpreter(workspace.root);
  const relativePython =
    path.isAbsolute(python) && python.startsWith(`${workspace.root}${path.sep}`)
      ? path.relative(workspace.root, python)
      : python;
  return {
    root: workspace.root,
    dirtyFiles: (options = {}) => workspace.dirtyFiles(options),
    trackedFiles: (revision, options = {}) => listTrackedFiles(workspace.root, revision, options),
    countWholeWord: (name, where, options = {}) =>
      'revision' in where
        ? countWholeWord(workspace.root, name, { ...options, revision: where.revision })
        : countWholeWord(where.cwd, name, options),
    pythonInterpreter: () => relativePython,
    async createWorktree({ branchHint, baseCommit, signal }) {
      const branch = await uniqueBranchName(workspace, slugifyBranch(branchHint), { signal });
      // run-journal: recorded before the worktree exists, so a crash from here on is cleaned up.
      await journal?.recordWorktree({
        branch,
        worktreePath: toWorktreePath(workspace.root, branch),
        baseCommit: await workspace.resolveCommit(baseCommit, { signal }),
      });
      const worktree = await createWorktree(workspace, { branch, baseCommit, signal });
      let linked: string[];
      try {
        linked = (await linkDependencies(workspace.root, worktree.path, { signal })).map(
          (l) => l.path,
        );
      } catch (error) {
        await worktree.rollback();
        throw error;
      }
      const handle: WorktreeHandle = {
        path: worktree.path,
        branch: worktree.branch,
        baseCommit: worktree.baseCommit,
        commitFiles: async (files, message, options = {}) => {
          const commit = await worktree.commitAll(message, {
            files,
            ...(options.signal ? { signal: options.signal } : {}),
          });
          await journal?.recordCommit(commit);
          return commit;
        },
        diffPatch: () => worktree.diffPatch(),
        diffStat: () => worktree.diffStat(),
        rollback: async () => {
          await worktree.rollback();
          await journal?.recordRolledBack();
        },
        release: async () => {
          await worktree.release();
          await journal?.recordReleased();
        },
      };
      return { worktree: handle, linkedDependencies: linked };
    },
  };
}
