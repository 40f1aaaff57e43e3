import { findEditProblem } from '../change/find-overlap.js';
import { OrchestratorError } from '../errors.js';
import type { ExecutionPlanData } from './plan-schema.js';

/** Every plan tests, checks and commits its changes, exactly once. */
const REQUIRED_OPS = ['test', 'check', 'commit'] as const;

/**
 * Checks what the schema cannot: unique ids, exactly one test, check and commit node, one
 * node per path (a file is edited by one node, then at most moved or deleted; a created or
 * moved-to path is nobody else's), and non-overlapping edits. Throws `PLAN_INVALID` naming the field.
 */
export function validatePlanNodes(data: ExecutionPlanData, source: string): void {
  for (const op of REQUIRED_OPS) {
    const count = data.dag.nodes.filter((node) => node.op === op).length;
    if (count !== 1) {
      throw invalidPlan(
        source,
        'dag.nodes',
        `has ${count} "${op}" nodes; a plan needs exactly one.`,
      );
    }
  }
  if (
    !data.dag.nodes.some(
      (node) =>
        node.op === 'edit' || node.op === 'create' || node.op === 'delete' || node.op === 'move',
    )
  ) {
    throw invalidPlan(
      source,
      'dag.nodes',
      'has no edit, create, delete or move node: nothing to change.',
    );
  }
  const ids = new Set<string>();
  const claims = new Map<string, string>();
  const claim = (kind: 'edit' | 'target', path: string, role: string, field: string): void => {
    const key = `${kind}:${path}`;
    const earlier = claims.get(key);
    if (earlier !== undefined) {
      throw invalidPlan(
        source,
        field,
        `${role} "${path}", which ${earlier} already; one node per path and role.`,
      );
    }
    claims.set(key, role === 'edits' ? 'an edit node edits' : `a node ${role}`);
  };
  const removed = new Set<string>();
  for (const [index, node] of data.dag.nodes.entries()) {
    const field = `dag.nodes[${index}]`;
    if (ids.has(node.id)) {
      throw invalidPlan(source, `${field}.id`, `repeats the id "${node.id}"; ids must be unique.`);
    }
    ids.add(node.id);
    if (node.op === 'edit') {
      claim('edit', node.file, 'edits', `${field}.file`);
      const problem = findEditProblem(node.edits);
      if (problem !== undefined) throw invalidPlan(source, `${field}.edits`, `${problem}.`);
    } else if (node.op === 'create') {
      claim('target', node.file, 'creates', `${field}.file`);
    } else if (node.op === 'delete' || node.op === 'move') {
      if (removed.has(node.file)) {
        throw invalidPlan(
          source,
          `${field}.file`,
          `moves or deletes "${node.file}" a second time.`,
        );
      }
      removed.add(node.file);
      if (node.op === 'move') claim('target', node.to, 'moves a file to', `${field}.to`);
    }
  }
}

/** A `PLAN_INVALID` error naming the plan and the field. */
export function invalidPlan(source: string, field: string, message: string): OrchestratorError {
  return new OrchestratorError('PLAN_INVALID', `${source} field ${field} ${message}`, {
    data: { source, field },
  });
}
