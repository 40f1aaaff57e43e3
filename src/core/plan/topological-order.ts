import { OrchestratorError } from '../errors.js';

/**
 * Kahn's algorithm with ties broken by the nodes' given order, so the result is deterministic.
 * Throws `PLAN_INVALID` naming an unknown node or the nodes of a cycle.
 */
export function toTopologicalOrder(
  nodeIds: readonly string[],
  edges: ReadonlyArray<readonly [string, string]>,
): string[] {
  const position = new Map(nodeIds.map((id, index) => [id, index]));
  const incoming = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const [index, [from, to]] of edges.entries()) {
    for (const end of [from, to]) {
      if (!position.has(end)) {
        throw new OrchestratorError(
          'PLAN_INVALID',
          `Plan field dag.edges[${index}] names node "${end}", which is not in dag.nodes.`,
          { data: { field: `dag.edges[${index}]`, node: end } },
        );
      }
    }
    outgoing.get(from)?.push(to);
    incoming.set(to, (incoming.get(to) ?? 0) + 1);
  }
  const ready = nodeIds.filter((id) => incoming.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const remaining = (incoming.get(next) ?? 0) - 1;
      incoming.set(next, remaining);
      if (remaining === 0) ready.push(next);
    }
  }
  if (order.length !== nodeIds.length) {
    const inCycle = nodeIds.filter((id) => !order.includes(id));
    throw new OrchestratorError(
      'PLAN_INVALID',
      `Plan field dag.edges has a cycle through: ${inCycle.join(', ')}. A plan must be acyclic.`,
      { data: { field: 'dag.edges', nodes: inCycle } },
    );
  }
  return order;
}
