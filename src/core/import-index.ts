import type { ImportEdge } from './source-types.js';

/** Each file's importers in an import graph (`to` → every `from`), in the edges' order. */
export function indexImporters(edges: readonly ImportEdge[]): Map<string, string[]> {
  return group(
    edges,
    (edge) => edge.to,
    (edge) => edge.from,
  );
}

/** What each file imports in an import graph (`from` → every `to`), in the edges' order. */
export function indexImports(edges: readonly ImportEdge[]): Map<string, string[]> {
  return group(
    edges,
    (edge) => edge.from,
    (edge) => edge.to,
  );
}

function group(
  edges: readonly ImportEdge[],
  keyOf: (edge: ImportEdge) => string,
  toValue: (edge: ImportEdge) => string,
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const edge of edges) {
    const values = index.get(keyOf(edge));
    if (values === undefined) index.set(keyOf(edge), [toValue(edge)]);
    else values.push(toValue(edge));
  }
  return index;
}
