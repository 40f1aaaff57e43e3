import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders never searched for workspace sources (pyright excludes them too). */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '__pycache__', 'site-packages']);

/**
 * Workspace-relative POSIX paths of every `.py` and `.pyi` (stub) file under `root`, sorted; skips dot-folders
 * (`.git`, `.venv`), `venv`, `node_modules` and `__pycache__`.
 */
export async function listPythonFiles(
  root: string,
  options: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    options.signal?.throwIfAborted();
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    const subdirs: string[] = [];
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        if (entry.name === 'venv' || entry.name.endsWith('.egg-info')) continue;
        subdirs.push(child);
      } else if (entry.isFile() && (entry.name.endsWith('.py') || entry.name.endsWith('.pyi'))) {
        found.push(child);
      }
    }
    await Promise.all(subdirs.map(walk));
  };
  await walk('');
  return found.sort(compareStrings);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
