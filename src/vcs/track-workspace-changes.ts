import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { GitWorkspace } from './open-git-workspace.js';
import { runGit } from './run-git.js';

/** What changed in a checkout since the tracker last looked. */
export interface WorkspaceChanges {
  /** HEAD now names another commit (a commit, a checkout, a reset, a pull). */
  headMoved: boolean;
  /**
   * Workspace-relative paths whose content may differ: those the HEAD move changed, and those
   * whose uncommitted state changed (became dirty, clean again, or were edited while dirty).
   * Sorted, no duplicates.
   */
  files: string[];
}

/** Follows a checkout between calls: HEAD and the uncommitted files. */
export interface WorkspaceChangeTracker {
  /** Looks again; the first call only remembers the state and reports nothing. */
  changes(options?: { signal?: AbortSignal }): Promise<WorkspaceChanges>;
}

/**
 * A tracker over `git`'s view of its checkout: `git diff --name-only` between the HEAD seen
 * last and now, and `git status` with a stat stamp (mtime, size) of each dirty file — about one
 * `git status` per call, so a warm service can tell its servers what changed without rereading
 * the tree.
 */
export function createWorkspaceChangeTracker(git: GitWorkspace): WorkspaceChangeTracker {
  let last: { head: string; dirty: Map<string, string> } | undefined;
  return {
    async changes(options = {}) {
      const head = await git.headCommit(options);
      const dirty = await stampDirtyFiles(git, options.signal);
      const before = last;
      last = { head, dirty };
      if (before === undefined) return { headMoved: false, files: [] };
      const files = new Set<string>();
      const headMoved = before.head !== head;
      if (headMoved) {
        const out = await runGit(['diff', '--name-only', '-z', '--no-renames', before.head, head], {
          cwd: git.root,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        for (const file of out.split('\0')) if (file !== '') files.add(file);
      }
      for (const [file, stamp] of dirty) if (before.dirty.get(file) !== stamp) files.add(file);
      for (const file of before.dirty.keys()) if (!dirty.has(file)) files.add(file);
      return { headMoved, files: [...files].sort() };
    },
  };
}

async function stampDirtyFiles(
  git: GitWorkspace,
  signal: AbortSignal | undefined,
): Promise<Map<string, string>> {
  const files = await git.dirtyFiles(signal ? { signal } : {});
  const stamps = await Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(git.root, file)).catch(() => undefined);
      return [file, info === undefined ? 'missing' : `${info.mtimeMs}:${info.size}`] as const;
    }),
  );
  return new Map(stamps);
}
