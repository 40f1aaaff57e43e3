import { createColorScale } from './colors.js';
import { clip, escapeHtml, missing, px } from './html.js';
import type { ReportPlan } from './load-run-files.js';

/** Nodes drawn per layer; the rest of a layer is one "+N more" node. */
const MAX_PER_LAYER = 12;
const NODE_WIDTH = 230;
const NODE_HEIGHT = 28;
const COLUMN = 280;
const ROW = 38;

type PlanNode = ReportPlan['dag']['nodes'][number];

/** A node as drawn: a plan node, or the stand-in for the nodes of a layer that did not fit. */
export interface LaidOutNode {
  id: string;
  label: string;
  detail: string;
  op: string;
  layer: number;
  x: number;
  y: number;
}

/** The plan's DAG in columns by depth (longest path from a source), edges between drawn nodes. Pure. */
export function layOutDag(dag: ReportPlan['dag']): {
  nodes: LaidOutNode[];
  edges: Array<[LaidOutNode, LaidOutNode]>;
  width: number;
  height: number;
} {
  const ids = new Set(dag.nodes.map((n) => n.id));
  const edges = dag.edges.filter(([from, to]) => ids.has(from) && ids.has(to) && from !== to);
  const layer = new Map<string, number>();
  const incoming = new Map(dag.nodes.map((n) => [n.id, 0]));
  for (const [, to] of edges) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  const outgoing = new Map<string, string[]>();
  for (const [from, to] of edges) {
    const targets = outgoing.get(from);
    if (targets === undefined) outgoing.set(from, [to]);
    else targets.push(to);
  }
  const ready = dag.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (const id of ready) layer.set(id, 0);
  // Kahn's algorithm, the queue read by index: linear in nodes and edges.
  for (let next = 0; next < ready.length; next += 1) {
    const id = ready[next] as string;
    for (const to of outgoing.get(id) ?? []) {
      layer.set(to, Math.max(layer.get(to) ?? 0, (layer.get(id) ?? 0) + 1));
      incoming.set(to, (incoming.get(to) ?? 1) - 1);
      if (incoming.get(to) === 0) ready.push(to);
    }
  }
  // A cycle (a hand-edited plan) leaves nodes unlayered: put them in one last column.
  const deepest = [...layer.values()].reduce((a, b) => Math.max(a, b), 0);
  for (const node of dag.nodes) if (!layer.has(node.id)) layer.set(node.id, deepest + 1);
  const columns = new Map<number, PlanNode[]>();
  for (const node of dag.nodes) {
    const column = layer.get(node.id) ?? 0;
    const members = columns.get(column);
    if (members === undefined) columns.set(column, [node]);
    else members.push(node);
  }
  const drawnAs = new Map<string, LaidOutNode>();
  const nodes: LaidOutNode[] = [];
  const tallest = Math.min(MAX_PER_LAYER, Math.max(...[...columns.values()].map((c) => c.length)));
  for (const [column, members] of [...columns.entries()].sort((a, b) => a[0] - b[0])) {
    const shown = members.length > MAX_PER_LAYER ? members.slice(0, MAX_PER_LAYER - 1) : members;
    const hidden = members.slice(shown.length);
    const count = shown.length + (hidden.length > 0 ? 1 : 0);
    const offset = ((tallest - count) * ROW) / 2;
    const place = (node: Omit<LaidOutNode, 'x' | 'y' | 'layer'>, row: number): LaidOutNode => {
      const placed = {
        ...node,
        layer: column,
        x: 20 + column * COLUMN,
        y: 16 + offset + row * ROW,
      };
      nodes.push(placed);
      return placed;
    };
    for (const [row, node] of shown.entries()) drawnAs.set(node.id, place(describeNode(node), row));
    if (hidden.length > 0) {
      const more = place(
        {
          id: `more:${column}`,
          label: `+${hidden.length} more`,
          detail: hidden.map((n) => n.id).join('\n'),
          op: hidden[0]?.op ?? 'edit',
        },
        shown.length,
      );
      for (const node of hidden) drawnAs.set(node.id, more);
    }
  }
  const seen = new Set<string>();
  const drawnEdges: Array<[LaidOutNode, LaidOutNode]> = [];
  for (const [from, to] of edges) {
    const a = drawnAs.get(from);
    const b = drawnAs.get(to);
    if (!a || !b || a === b || seen.has(`${a.id}\u0000${b.id}`)) continue;
    seen.add(`${a.id}\u0000${b.id}`);
    drawnEdges.push([a, b]);
  }
  const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
  return {
    nodes,
    edges: drawnEdges,
    width: Math.max(1080, 40 + (layers - 1) * COLUMN + NODE_WIDTH),
    height: 32 + tallest * ROW,
  };
}

function describeNode(node: PlanNode): Omit<LaidOutNode, 'x' | 'y' | 'layer'> {
  const target =
    node.file ?? (node.from !== undefined ? `${node.from} → ${node.to ?? '?'}` : undefined);
  const label = target === undefined ? node.id : `${node.op} ${target}`;
  const details = [node.id];
  if (node.edits !== undefined) details.push(`${node.edits.length} edit(s)`);
  if (node.command !== undefined) details.push(node.command.join(' '));
  if (node.message !== undefined) details.push(node.message.split('\n')[0] ?? '');
  return { id: node.id, label, detail: details.join('\n'), op: node.op };
}

/** The plan's DAG as boxes in columns with arrows between them. */
export function renderDag(plan: ReportPlan | null): string {
  if (plan === null) return missing('No plan.json in the run folder: the run stopped before PLAN.');
  const layout = layOutDag(plan.dag);
  const color = createColorScale();
  const edges = layout.edges
    .map(([a, b]) => {
      const x1 = a.x + NODE_WIDTH;
      const y1 = a.y + NODE_HEIGHT / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_HEIGHT / 2;
      const bend = (x2 - x1) / 2;
      return `<path d="M${px(x1)},${px(y1)} C${px(x1 + bend)},${px(y1)} ${px(x2 - bend)},${px(y2)} ${px(x2 - 4)},${px(y2)}" class="edge" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const nodes = layout.nodes
    .map(
      (n) =>
        `<g class="dag-node" data-node="${escapeHtml(n.id)}"><rect x="${px(n.x)}" y="${px(n.y)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="5" fill="${color(n.op)}"/><text x="${px(n.x + 8)}" y="${px(n.y + 18)}" class="node-label">${escapeHtml(clip(n.label, 34))}</text><title>${escapeHtml(n.detail)}</title></g>`,
    )
    .join('');
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>';
  return `<div class="scroll"><svg class="chart" id="dag-chart" viewBox="0 0 ${layout.width} ${px(layout.height)}" width="${layout.width}" height="${px(layout.height)}" role="img" aria-label="The plan's DAG">${defs}${edges}${nodes}</svg></div><p class="note">${plan.dag.nodes.length} nodes, ${plan.dag.edges.length} edges; hover a node for its id and details.</p>`;
}
