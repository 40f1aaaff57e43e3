import type { ImportEdge } from '../../core/source-types.js';

/** `files` plus every file that imports one of them, directly or transitively; sorted. */
export function toAffectedClosure(
  files: readonly string[],
  edges: readonly ImportEdge[],
): string[] {
  const importers = new Map<string, string[]>();
  for (const edge of edges) {
    const list = importers.get(edge.to) ?? [];
    list.push(edge.from);
    importers.set(edge.to, list);
  }
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const importer of importers.get(file) ?? []) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return [...seen].sort();
}
