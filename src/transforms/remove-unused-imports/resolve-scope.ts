import { OrchestratorError } from '../../core/errors.js';
import { compareText } from '../../core/whole-word.js';

/** Files whose imports the cleanup reads: Python modules and JS/TS sources (not declarations). */
const PYTHON = /\.py$/;
const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Folders no language server treats as the workspace's own sources. */
const SKIPPED =
  /(?:^|\/)(?:node_modules|dist|build|coverage|__pycache__|site-packages|venv|\.[^/]+)\//;

/** True for a file the cleanup reads. */
export function isCleanable(file: string): boolean {
  return (
    (PYTHON.test(file) || (SCRIPT.test(file) && !DECLARATION.test(file))) && !SKIPPED.test(file)
  );
}

/** True for a Python file. */
export function isPythonFile(file: string): boolean {
  return PYTHON.test(file);
}

/**
 * The tracked files in `scope` (a file or a folder; the whole repository without one), sorted;
 * `BAD_INPUT` naming the closest paths when the scope holds none.
 */
export function resolveScope(scope: string | undefined, trackedFiles: readonly string[]): string[] {
  const sources = trackedFiles.filter(isCleanable);
  const path = scope?.replace(/^\.\//, '').replace(/\/$/, '');
  const files =
    path === undefined || path === ''
      ? sources
      : sources.filter((file) => file === path || file.startsWith(`${path}/`));
  if (files.length > 0) return [...files].sort(compareText);
  const closest = closestPaths(path ?? '', sources);
  throw new OrchestratorError(
    'BAD_INPUT',
    path === undefined
      ? 'This repository tracks no Python or JS/TS source file: there are no imports to clean up.'
      : `${path} is not a Python or JS/TS file or folder tracked in this repository.${closest.length > 0 ? ` The closest: ${closest.join(', ')}.` : ''}`,
    { data: { scope: path ?? null, closest } },
  );
}

/** Up to three folders or files sharing the most path words with `path`. */
function closestPaths(path: string, sources: readonly string[]): string[] {
  const words = new Set(
    path
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== ''),
  );
  if (words.size === 0) return [];
  const candidates = new Set<string>();
  for (const file of sources) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i += 1) candidates.add(parts.slice(0, i).join('/'));
  }
  return [...candidates]
    .map((candidate) => ({
      candidate,
      shared: candidate
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => words.has(w)).length,
    }))
    .filter((entry) => entry.shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        a.candidate.length - b.candidate.length ||
        compareText(a.candidate, b.candidate),
    )
    .slice(0, 3)
    .map((entry) => entry.candidate);
}
