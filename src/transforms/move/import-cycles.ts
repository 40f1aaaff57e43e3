import type { ImportEdge } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';

function toAdjacency(edges: readonly ImportEdge[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  for (const [file, targets] of next) next.set(file, [...new Set(targets)].sort(compareText));
  return next;
}

/** The shortest path `from` → … → `to` (inclusive), searched in sorted order; undefined when none. */
function shortestPath(
  next: ReadonlyMap<string, string[]>,
  from: string,
  to: string,
): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const file of frontier) {
      for (const target of next.get(file) ?? []) {
        if (previous.has(target)) continue;
        previous.set(target, file);
        if (target === to) {
          const path = [to];
          let at = to;
          while (at !== from) {
            at = previous.get(at) as string;
            path.unshift(at);
          }
          return path;
        }
        following.push(target);
      }
    }
    frontier = following;
  }
  return undefined;
}

/** The cycle as it reads from its smallest file, for de-duplication. */
function toCanonical(cycle: readonly string[]): string[] {
  const ring = cycle.slice(0, -1);
  let best = 0;
  for (let i = 1; i < ring.length; i += 1) {
    if (compareText(ring[i] as string, ring[best] as string) < 0) best = i;
  }
  const rotated = [...ring.slice(best), ...ring.slice(0, best)];
  return [...rotated, rotated[0] as string];
}

/**
 * Import cycles the `after` graph has through an edge the `before` graph lacks: for each new
 * edge a → b, the shortest way back b → … → a, as files `[a, b, …, a]`. Sorted shortest first,
 * each cycle once.
 */
export function findNewCycles(
  before: readonly ImportEdge[],
  after: readonly ImportEdge[],
): string[][] {
  const old = new Set(before.map((edge) => `${edge.from}\0${edge.to}`));
  const next = toAdjacency(after);
  const cycles = new Map<string, string[]>();
  for (const [from, targets] of [...next].sort(([a], [b]) => compareText(a, b))) {
    for (const to of targets) {
      if (old.has(`${from}\0${to}`)) continue;
      const back = shortestPath(next, to, from);
      if (back === undefined) continue;
      const cycle = toCanonical([from, ...back]);
      cycles.set(cycle.join('\0'), cycle);
    }
  }
  return [...cycles.values()].sort(
    (a, b) => a.length - b.length || compareText(a.join(' '), b.join(' ')),
  );
}

/** `a.py → b.py → a.py` */
export function describeCycle(cycle: readonly string[]): string {
  return cycle.join(' → ');
}
