import type { GitService, WorktreeHandle } from '../core/services.js';
import { createWorkspaceFiles, type FileServer } from '../files/index.js';
import { findWholeWord } from '../vcs/find-whole-word.js';
import { linkDependencies } from '../vcs/link-dependencies.js';
import { listTrackedFiles } from '../vcs/list-tracked-files.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import type { RunJournal } from '../vcs/run-journal-writer.js';
import { slugifyBranch, toWorktreePath, uniqueBranchName } from '../vcs/slugify-branch.js';
import { createWorktree } from '../vcs/worktree.js';
import { resolvePlanPython } from './plan-python.js';

/** The phases' `GitService`, and the worktrees it made (the run rolls them back or releases them). */
export interface RunGitService extends GitService {
  /**
   * Every worktree made, oldest first: the run is over. A prewarmed checkout no phase took is
   * stopped first (what it made is removed) and awaited.
   */
  worktrees(): Promise<readonly WorktreeHandle[]>;
  /**
   * Starts making the worktree EXECUTE will ask for (same hint and base), so the checkout runs
   * while the analysis does; `createWorktree` with those options then takes it.
   */
  prewarmWorktree(options: { branchHint: string; baseCommit: string; signal?: AbortSignal }): void;
}

type MadeWorktree = { worktree: WorktreeHandle; linkedDependencies: string[] };

/** Options for {@link createGitService}. */
export interface GitServiceOptions {
  /** The filesystem server each (non-scratch) worktree's changes are written through. */
  fileServer?: () => FileServer;
}

/**
 * Adapts the vcs layer to the `GitService` the phases see. With the run's `journal`, each
 * worktree step is recorded so a crashed run can be cleaned up by the next one.
 */
export async function createGitService(
  workspace: GitWorkspace,
  journal?: RunJournal,
  options: GitServiceOptions = {},
): Promise<RunGitService> {
  const relativePython = await resolvePlanPython(workspace.root);
  const made: WorktreeHandle[] = [];
  let prewarmed: { key: string; made: Promise<MadeWorktree>; stop: AbortController } | undefined;
  const tracked = new Map<string, Promise<Set<string>>>();
  const service: RunGitService = {
    root: workspace.root,
    async worktrees() {
      // A run refused before EXECUTE need not wait for the whole checkout: it is stopped, and
      // createWorktree removes what it made; one that was made is rolled back with the rest.
      prewarmed?.stop.abort(new Error('The run ended before EXECUTE took its worktree.'));
      await prewarmed?.made.catch(() => undefined);
      return made;
    },
    headCommit: (options = {}) => workspace.headCommit(options),
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
    prewarmWorktree(options) {
      if (prewarmed !== undefined) return;
      const stop = new AbortController();
      const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
      const made = create({ ...options, signal, scratch: false });
      made.catch(() => {});
      prewarmed = { key: `${options.branchHint}\u0000${options.baseCommit}`, made, stop };
    },
    createWorktree(options) {
      const key = `${options.branchHint}\u0000${options.baseCommit}`;
      if (options.scratch !== true && prewarmed?.key === key) {
        const { made } = prewarmed;
        prewarmed = undefined;
        return made;
      }
      return create(options);
    },
  };
  return service;

  async function create({
    branchHint,
    baseCommit,
    scratch = false,
    signal,
  }: Parameters<GitService['createWorktree']>[0]): Promise<MadeWorktree> {
    const branch = await uniqueBranchName(workspace, slugifyBranch(branchHint), { signal });
    // run-journal: recorded before the worktree exists, so a crash from here on is cleaned up.
    // (A scratch worktree is not the change: a crash leaves it to `clean`, which removes it.)
    if (!scratch)
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
      files: createWorkspaceFiles(
        worktree.path,
        !scratch && options.fileServer ? { server: options.fileServer() } : {},
      ),
      commitFiles: async (files, message, options = {}) => {
        const commit = await worktree.commitAll(message, {
          files,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        if (!scratch) await journal?.recordCommit(commit);
        return commit;
      },
      diffPatch: () => worktree.diffPatch(),
      diffStat: () => worktree.diffStat(),
      rollback: async () => {
        await worktree.rollback();
        if (!scratch) await journal?.recordRolledBack();
      },
      release: async () => {
        await worktree.release();
        if (!scratch) await journal?.recordReleased();
      },
    };
    if (!scratch) made.push(handle);
    return { worktree: handle, linkedDependencies: linked };
  }
}
