import path from 'node:path';
import type { GitService, WorktreeHandle } from '../core/services.js';
import { findWholeWord } from '../vcs/find-whole-word.js';
import { findPythonInterpreter, linkDependencies } from '../vcs/link-dependencies.js';
import { listTrackedFiles } from '../vcs/list-tracked-files.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { slugifyBranch, uniqueBranchName } from '../vcs/slugify-branch.js';
import { createWorktree } from '../vcs/worktree.js';
import { createWorkspaceFiles } from '../files/index.js';

/** The phases' `GitService`, and the worktrees it made (the run rolls them back or releases them). */
export interface RunGitService extends GitService {
  /** Every worktree made so far, oldest first. */
  worktrees(): readonly WorktreeHandle[];
}

/** Adapts the vcs layer to the `GitService` the phases see. */
export async function createGitService(workspace: GitWorkspace): Promise<RunGitService> {
  const python = await findPythonInterpreter(workspace.root);
  const relativePython =
    path.isAbsolute(python) && python.startsWith(`${workspace.root}${path.sep}`)
      ? path.relative(workspace.root, python)
      : python;
  const made: WorktreeHandle[] = [];
  const tracked = new Map<string, Promise<Set<string>>>();
  return {
    root: workspace.root,
    worktrees: () => made,
    dirtyFiles: (options = {}) => workspace.dirtyFiles(options),
    trackedFiles(revision, options = {}) {
      // A commit's file list never changes: ask git once per revision.
      let list = tracked.get(revision);
      if (list === undefined) {
        list = listTrackedFiles(workspace.root, revision, options);
        tracked.set(revision, list);
        list.catch(() => tracked.delete(revision));
      }
      return list;
    },
    findWholeWord: (word, where, options = {}) =>
      'revision' in where
        ? findWholeWord(workspace.root, word, { ...options, revision: where.revision })
        : findWholeWord(where.cwd, word, options),
    pythonInterpreter: () => relativePython,
    async createWorktree({ branchHint, baseCommit, signal }) {
      const branch = await uniqueBranchName(workspace, slugifyBranch(branchHint), { signal });
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
        files: createWorkspaceFiles(worktree.path),
        commitFiles: (files, message, options = {}) =>
          worktree.commitAll(message, {
            files,
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        diffPatch: () => worktree.diffPatch(),
        diffStat: () => worktree.diffStat(),
        rollback: () => worktree.rollback(),
        release: () => worktree.release(),
      };
      made.push(handle);
      return { worktree: handle, linkedDependencies: linked };
    },
  };
}
