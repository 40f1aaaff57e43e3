import type { ImportEdge } from '../../core/source-types.js';

/**
 * Files that import `file` directly, or (with `transitive`) through any chain of imports,
 * from an import graph; sorted, never `file` itself.
 */
export function findImporters(
  edges: readonly ImportEdge[],
  file: string,
  transitive: boolean,
): string[] {
  const importersOf = new Map<string, string[]>();
  for (const edge of edges) {
    importersOf.set(edge.to, [...(importersOf.get(edge.to) ?? []), edge.from]);
  }
  const found = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const importer of importersOf.get(current) ?? []) {
      if (found.has(importer) || importer === file) continue;
      found.add(importer);
      if (transitive) pending.push(importer);
    }
  }
  return [...found].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
}
