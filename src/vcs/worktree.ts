import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { OrchestratorError } from '../core/errors.js';
import { fallbackIdentity } from './commit-identity.js';
import { type DiffStat, toDiffStat } from './diff-stat.js';
import { findForeignSymlinks, toAddPathspecs } from './foreign-symlinks.js';
import type { GitCallOptions, GitWorkspace } from './open-git-workspace.js';
import { DEFAULT_CLEANUP_TIMEOUT_MS, removeWorktree } from './remove-worktree.js';
import { runGit, runGitRaw } from './run-git.js';
import { createSerialQueue } from './serial-queue.js';
import { toWorktreePath } from './slugify-branch.js';
import {
  type OpenLifecycle,
  toCommit,
  toWorktreeState,
  type WorktreeLifecycle,
  type WorktreeState,
} from './worktree-lifecycle.js';

export type { WorktreeState } from './worktree-lifecycle.js';

/** Options for {@link createWorktree}. */
export interface CreateWorktreeOptions {
  /** New branch to create, e.g. from `uniqueBranchName`. Must not exist yet. */
  branch: string;
  /** Commit (or any ref naming one) the branch starts from. */
  baseCommit: string;
  /** Folder for the worktree. @default `<root>/.mcp-orchestrator/worktrees/<slug>` */
  path?: string;
  /** Run the repository's git hooks (post-checkout, pre-commit, …). @default false */
  runHooks?: boolean;
  signal?: AbortSignal;
}

/** Options for {@link Worktree.commitAll}. */
export interface CommitAllOptions {
  signal?: AbortSignal;
  /** Make a commit even when nothing changed. @default false */
  allowEmpty?: boolean;
  /**
   * Stage only these paths (relative to the worktree), leaving whatever else a test run wrote
   * (caches, build output) out of the commit. @default every change
   */
  files?: readonly string[];
}

/** Options for {@link Worktree.rollback} and {@link Worktree.release}. */
export interface CleanupOptions {
  /** Own deadline, in milliseconds. Deliberately not a signal: cleanup must finish. @default 30000 */
  timeoutMs?: number;
}

/** A git worktree on a new branch, where a run makes its edits away from the user's checkout. */
export interface Worktree {
  /** Absolute folder of the worktree. */
  readonly path: string;
  readonly branch: string;
  /** Full SHA-1 the branch started from. */
  readonly baseCommit: string;
  readonly state: WorktreeState;
  /** SHA-1 of the commit {@link commitAll} made, or `null` before it. */
  readonly commit: string | null;
  /**
   * Stages every change (never the dependency symlinks) and commits it with the repository's
   * `user.name`/`user.email`, or `mcp-orchestrator <mcp-orchestrator@localhost>` for whichever
   * is unset. Never writes git config. Returns the commit's SHA-1. `GIT_FAILED` when nothing
   * changed (unless `allowEmpty`).
   */
  commitAll(message: string, options?: CommitAllOptions): Promise<string>;
  /** Binary-safe patch from {@link baseCommit} to the worktree's content (the commit included). */
  diffPatch(options?: GitCallOptions): Promise<string>;
  /** Line counts per changed file, from {@link baseCommit}. */
  diffStat(options?: GitCallOptions): Promise<DiffStat>;
  /** Changed paths, sorted, relative to the worktree root. */
  changedFiles(options?: GitCallOptions): Promise<string[]>;
  /**
   * Removes the worktree folder, prunes it and deletes the branch, leaving the repository as it
   * was. Idempotent; a no-op after {@link release}. Runs under its own deadline.
   */
  rollback(options?: CleanupOptions): Promise<void>;
  /** After success: removes the worktree folder but keeps the branch and its commit. */
  release(options?: CleanupOptions): Promise<void>;
}

const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];

/**
 * Creates branch `options.branch` at `options.baseCommit`, checked out in a new worktree.
 * Adds `.mcp-orchestrator/` to the repository's `info/exclude` first. If anything fails or
 * `signal` aborts, whatever was made is removed again (under its own deadline) before it throws.
 */
export async function createWorktree(
  workspace: GitWorkspace,
  options: CreateWorktreeOptions,
): Promise<Worktree> {
  const { branch, signal } = options;
  const root = workspace.root;
  const worktreePath = path.resolve(options.path ?? toWorktreePath(root, branch));
  const hooks = options.runHooks === true ? [] : NO_HOOKS;
  signal?.throwIfAborted();
  await runGit(['check-ref-format', '--branch', branch], { cwd: root, signal });
  if (await workspace.branchExists(branch, { signal })) {
    throw new OrchestratorError(
      'GIT_FAILED',
      `Branch ${branch} already exists in ${root}. Pick a free name (uniqueBranchName) or delete it.`,
      { data: { root, branch } },
    );
  }
  if (await pathExists(worktreePath)) {
    // Never clean up a folder this call did not make.
    throw new OrchestratorError(
      'GIT_FAILED',
      `Folder ${worktreePath} already exists. Remove it, or pick another branch name (uniqueBranchName skips taken folders).`,
      { data: { root, branch, worktreePath } },
    );
  }
  const baseCommit = await workspace.resolveCommit(options.baseCommit, { signal });
  await workspace.ensureExcluded(undefined, { signal });
  try {
    await mkdir(path.dirname(worktreePath), { recursive: true });
    await runGit([...hooks, 'worktree', 'add', '--quiet', '-b', branch, worktreePath, baseCommit], {
      cwd: root,
      signal,
    });
  } catch (error) {
    // Delete the branch only if it did not exist before this call (checked above).
    await removeWorktree(root, worktreePath, { deleteBranch: branch }).catch(() => undefined);
    throw error;
  }
  return openWorktree(root, worktreePath, branch, baseCommit, hooks);
}

function openWorktree(
  root: string,
  worktreePath: string,
  branch: string,
  baseCommit: string,
  hooks: string[],
): Worktree {
  let life: WorktreeLifecycle = { state: 'ready' };
  const queue = createSerialQueue();
  const git = (args: string[], signal?: AbortSignal) => runGit(args, { cwd: worktreePath, signal });
  const assertOpen = (action: string) => {
    if (life.state === 'released' || life.state === 'rolled-back') {
      throw new OrchestratorError(
        'GIT_FAILED',
        `Cannot ${action}: worktree ${worktreePath} was removed.`,
        { data: { worktreePath, branch } },
      );
    }
  };
  const stageAll = async (signal?: AbortSignal, files?: readonly string[]) => {
    if (files !== undefined) {
      await git(['add', '--', ...files], signal);
      return;
    }
    const excluded = await findForeignSymlinks(worktreePath, { signal });
    await git(['add', '--all', '--', ...toAddPathspecs(excluded)], signal);
  };
  /** Diff of base against the content: after the commit, the commit; before, the staged tree. */
  const diff = (args: string[], signal?: AbortSignal) =>
    queue.run(async () => {
      assertOpen('diff');
      const common = ['diff', '--no-color', '--no-ext-diff', '--no-renames', ...args];
      if (toCommit(life) !== null) return git([...common, baseCommit, 'HEAD', '--'], signal);
      await stageAll(signal);
      return git([...common, '--cached', baseCommit, '--'], signal);
    });
  const commit = async (message: string, options: CommitAllOptions): Promise<string> => {
    const { signal } = options;
    assertOpen('commit');
    const existing = toCommit(life);
    if (existing !== null) {
      throw new OrchestratorError(
        'GIT_FAILED',
        `Worktree ${worktreePath} is already committed (${existing}).`,
        { data: { worktreePath, branch, commit: existing } },
      );
    }
    await stageAll(signal, options.files);
    const staged = await runGitRaw(['diff', '--cached', '--quiet'], { cwd: worktreePath, signal });
    if (staged.exitCode === 0 && options.allowEmpty !== true) {
      throw new OrchestratorError('GIT_FAILED', `Nothing to commit in worktree ${worktreePath}.`, {
        data: { worktreePath, branch, reason: 'NOTHING_TO_COMMIT' },
      });
    }
    const identity = await fallbackIdentity(worktreePath, signal);
    const args = [
      ...identity,
      ...hooks,
      'commit',
      '--quiet',
      '--no-verify',
      '--cleanup=whitespace',
    ];
    if (options.allowEmpty === true) args.push('--allow-empty');
    await git([...args, '-m', message], signal);
    const sha = (await git(['rev-parse', '--verify', 'HEAD'], signal)).trim();
    const committed = { state: 'committed', commit: sha } as const;
    // A rollback that started meanwhile still removes it; it must know what it removes.
    life = life.state === 'rolling-back' ? { ...life, before: committed } : committed;
    return sha;
  };
  const startRollback = (before: OpenLifecycle, timeoutMs: number): Promise<void> => {
    const done = (async () => {
      try {
        // Let a running git command finish (or die with its signal), but never wait past half the deadline.
        await Promise.race([
          queue.idle().catch(() => {}),
          delay(timeoutMs / 2, undefined, { ref: false }),
        ]);
        await removeWorktree(root, worktreePath, {
          deleteBranch: branch,
          timeoutMs: timeoutMs / 2,
        });
      } catch (error) {
        // A failed attempt may be retried.
        if (life.state === 'rolling-back') life = life.before;
        throw error;
      }
      life = { state: 'rolled-back', commit: toCommit(life) };
    })();
    life = { state: 'rolling-back', before, done };
    return done;
  };
  const startRelease = (sha: string, timeoutMs: number): Promise<void> => {
    const done = queue.run(async () => {
      try {
        await removeWorktree(root, worktreePath, { timeoutMs });
      } catch (error) {
        life = { state: 'committed', commit: sha };
        throw error;
      }
      life = { state: 'released', commit: sha };
    });
    life = { state: 'releasing', commit: sha, done };
    return done;
  };
  const rollback = async (options: CleanupOptions): Promise<void> => {
    switch (life.state) {
      case 'released':
      case 'rolled-back':
        return;
      case 'rolling-back':
        return life.done;
      case 'releasing':
        // Never undo a release (it would delete the branch that holds the change); after a failed one, roll back.
        await life.done.catch(() => undefined);
        return rollback(options);
      default:
        return startRollback(life, options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS);
    }
  };
  const release = async (options: CleanupOptions): Promise<void> => {
    switch (life.state) {
      case 'released':
        return;
      case 'releasing':
        return life.done;
      case 'committed':
        return startRelease(life.commit, options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS);
      default: {
        const state = life.state === 'rolling-back' ? 'rolling back' : toWorktreeState(life);
        throw new OrchestratorError(
          'INTERNAL',
          `release() needs a committed worktree (state: ${state}); call rollback() instead.`,
          { data: { worktreePath, branch, state } },
        );
      }
    }
  };

  return {
    path: worktreePath,
    branch,
    baseCommit,
    get state() {
      return toWorktreeState(life);
    },
    get commit() {
      return toCommit(life);
    },
    commitAll(message, options = {}) {
      return queue.run(() => commit(message, options));
    },
    diffPatch(options = {}) {
      return diff(['--binary', '--src-prefix=a/', '--dst-prefix=b/'], options.signal);
    },
    async diffStat(options = {}) {
      return toDiffStat(await diff(['--numstat', '-z'], options.signal));
    },
    async changedFiles(options = {}) {
      const out = await diff(['--name-only', '-z'], options.signal);
      return out
        .split('\0')
        .filter((file) => file !== '')
        .sort();
    },
    rollback: (options = {}) => rollback(options),
    release: (options = {}) => release(options),
  };
}

function pathExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
