import { realpathSync } from 'node:fs';
import path from 'node:path';
import { findProtectedDir } from './protected-paths.js';
import { loadRealPath, toPathInside } from './real-path.js';

/**
 * Decides, per workspace-relative file in a tool's result, whether the server may return it:
 * its real path is inside the root and in no protected folder. One filter per request; it
 * remembers its answers.
 */
export interface WorkspaceFileFilter {
  allows(file: string): Promise<boolean>;
}

/** Creates a {@link WorkspaceFileFilter} for the workspace at `root`. */
export function createWorkspaceFileFilter(root: string): WorkspaceFileFilter {
  const realRoot = realpathSync(root);
  const answers = new Map<string, Promise<boolean>>();
  const decide = async (file: string): Promise<boolean> => {
    const lexical = toPathInside(root, path.resolve(root, file));
    if (lexical === undefined || findProtectedDir(lexical) !== undefined) return false;
    try {
      const real = toPathInside(realRoot, await loadRealPath(path.resolve(root, file)));
      return real !== undefined && findProtectedDir(real) === undefined;
    } catch {
      return false;
    }
  };
  return {
    allows(file) {
      let answer = answers.get(file);
      if (answer === undefined) {
        answer = decide(file);
        answers.set(file, answer);
      }
      return answer;
    },
  };
}

/** What {@link keepWorkspaceItems} kept, and the files it refused (sorted, each once). */
export interface KeptItems<T> {
  kept: T[];
  skippedFiles: string[];
}

/**
 * Keeps the items every file of which `filter` allows, in their order. `filesOf` names an
 * item's files; `undefined` entries (a library callee with no workspace file) are ignored.
 */
export async function keepWorkspaceItems<T>(
  filter: WorkspaceFileFilter,
  items: readonly T[],
  filesOf: (item: T) => ReadonlyArray<string | undefined>,
): Promise<KeptItems<T>> {
  const files = new Set<string>();
  for (const item of items) {
    for (const file of filesOf(item)) if (file !== undefined) files.add(file);
  }
  const refused = new Set<string>();
  await Promise.all(
    [...files].map(async (file) => {
      if (!(await filter.allows(file))) refused.add(file);
    }),
  );
  if (refused.size === 0) return { kept: [...items], skippedFiles: [] };
  const kept = items.filter((item) =>
    filesOf(item).every((file) => file === undefined || !refused.has(file)),
  );
  return { kept, skippedFiles: [...refused].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** `{skippedFiles}` when some files were refused, else nothing: the field replies carry. */
export function toSkippedField(skippedFiles: readonly string[]): { skippedFiles?: string[] } {
  return skippedFiles.length === 0 ? {} : { skippedFiles: [...skippedFiles] };
}

/** The `skippedFiles` field, declared once in the contracts. */
export { SKIPPED_FILES_SHAPE } from '../../contracts/reply-fields.js';
