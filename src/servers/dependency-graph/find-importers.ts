import { indexImporters } from '../../core/import-index.js';
import type { ImportEdge } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';

/**
 * Files that import any of `files` directly, or (with `transitive`) through any chain of
 * imports, from an import graph; sorted, none of `files` themselves. One walk from all of
 * them over an index built once: linear in the edges, whatever the number of files (asking
 * file by file, each time indexing the graph again, cost a 4,001-file change at 20,000 files
 * over 100 s).
 */
export function findImporters(
  edges: readonly ImportEdge[],
  files: Iterable<string>,
  transitive: boolean,
): string[] {
  const importersOf = indexImporters(edges);
  const starts = new Set(files);
  const found = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const importer of importersOf.get(current) ?? []) {
      if (found.has(importer) || starts.has(importer)) continue;
      found.add(importer);
      if (transitive) pending.push(importer);
    }
  }
  return [...found].sort(compareText);
}
