import { readdir } from 'node:fs/promises';
import type { LanguageId } from '../../core/source-types.js';
import {
  EXCLUDED_DIRECTORIES,
  isSourceFileName,
} from '../../lang/typescript/engine/workspace-files.js';

const SKIPPED_PYTHON_DIRECTORIES = new Set(['__pycache__', 'site-packages', 'venv', '.venv']);

/** The language whose adapter answers for `file` (by extension). */
export function languageOfFile(file: string): LanguageId {
  return file.endsWith('.py') || file.endsWith('.pyi') ? 'python' : 'typescript';
}

/**
 * The languages that have at least one source file under `root` (outside node_modules, dist,
 * build, virtualenvs and the like), in a fixed order. Stops walking once both are found.
 */
export async function detectLanguages(
  root: string,
  options: { signal?: AbortSignal } = {},
): Promise<LanguageId[]> {
  const found = new Set<LanguageId>();
  const pending = [root];
  while (pending.length > 0 && found.size < 2) {
    options.signal?.throwIfAborted();
    const directory = pending.pop() as string;
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        const skipped =
          EXCLUDED_DIRECTORIES.has(entry.name) || SKIPPED_PYTHON_DIRECTORIES.has(entry.name);
        if (!skipped) pending.push(`${directory}/${entry.name}`);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        found.add('python');
      } else if (entry.isFile() && isSourceFileName(entry.name)) {
        found.add('typescript');
      }
    }
  }
  return (['typescript', 'python'] as const).filter((language) => found.has(language));
}
