import { OrchestratorError } from '../errors.js';
import { toIssueList } from '../zod-issues.js';
import { type DagNode, type ExecutionPlanData, executionPlanSchema } from './plan-schema.js';
import { toTopologicalOrder } from './topological-order.js';

const KNOWN_PHASES = ['map', 'logic', 'monte_carlo', 'plan', 'optimize', 'execute', 'review'];

/**
 * A validated execution plan: a JSON DAG of operations. Serialises to the same bytes for the
 * same content (stable key and node order; no times or random ids).
 */
export class ExecutionPlan {
  readonly data: ExecutionPlanData;
  /** Node ids in the order they run. */
  readonly order: readonly string[];

  private constructor(data: ExecutionPlanData) {
    this.data = data;
    this.order = toTopologicalOrder(
      data.dag.nodes.map((node) => node.id),
      data.dag.edges,
    );
  }

  /** Validates a plan (parsed JSON object or JSON text). Throws `PLAN_INVALID` naming the field. */
  static fromJson(input: unknown, source = 'plan'): ExecutionPlan {
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch (error) {
        throw new OrchestratorError(
          'PLAN_INVALID',
          `${source} is not valid JSON: ${(error as Error).message}`,
          { data: { source } },
        );
      }
    }
    if (
      typeof value === 'object' &&
      value !== null &&
      Array.isArray((value as { phases?: unknown }).phases)
    ) {
      const phases = (value as { phases: Array<{ phase?: unknown }> }).phases;
      for (const [index, entry] of phases.entries()) {
        const name = entry?.phase;
        if (typeof name === 'string' && !KNOWN_PHASES.includes(name)) {
          throw new OrchestratorError(
            'PLAN_INVALID',
            `${source} field phases[${index}].phase is "${name}", which is not a phase. Known phases: ${KNOWN_PHASES.join(', ')}.`,
            { data: { source, field: `phases[${index}].phase`, value: name } },
          );
        }
      }
    }
    const parsed = executionPlanSchema.safeParse(value);
    if (!parsed.success) {
      const issues = toIssueList(parsed.error);
      throw new OrchestratorError(
        'PLAN_INVALID',
        `${source} is not a valid plan:\n  ${issues.join('\n  ')}`,
        { data: { source, issues } },
      );
    }
    validateNodes(parsed.data, source);
    return new ExecutionPlan(parsed.data);
  }

  /** Builds a plan from data made in-process; validates it like any other plan. */
  static create(data: ExecutionPlanData): ExecutionPlan {
    return ExecutionPlan.fromJson(data, 'generated plan');
  }

  /** Nodes in execution order. */
  orderedNodes(): DagNode[] {
    const byId = new Map(this.data.dag.nodes.map((node) => [node.id, node]));
    return this.order.map((id) => byId.get(id) as DagNode);
  }

  /** The canonical JSON text (2-space indent, trailing newline). */
  toJson(): string {
    return `${JSON.stringify(this.data, null, 2)}\n`;
  }
}

/** Every plan tests, checks and commits its edits, exactly once. */
const REQUIRED_OPS = ['test', 'check', 'commit'] as const;

function validateNodes(data: ExecutionPlanData, source: string): void {
  for (const op of REQUIRED_OPS) {
    const count = data.dag.nodes.filter((node) => node.op === op).length;
    if (count !== 1) {
      throw invalid(source, 'dag.nodes', `has ${count} "${op}" nodes; a plan needs exactly one.`);
    }
  }
  const seen = new Set<string>();
  const files = new Set<string>();
  for (const [index, node] of data.dag.nodes.entries()) {
    const field = `dag.nodes[${index}]`;
    if (seen.has(node.id)) {
      throw invalid(source, `${field}.id`, `repeats the id "${node.id}"; ids must be unique.`);
    }
    seen.add(node.id);
    if (node.op !== 'edit') continue;
    if (files.has(node.file)) {
      throw invalid(source, `${field}.file`, `edits "${node.file}" again; one edit node per file.`);
    }
    files.add(node.file);
    const sorted = [...node.edits].sort((a, b) => a.line - b.line || a.column - b.column);
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (
        previous &&
        current &&
        previous.line === current.line &&
        previous.column + previous.length > current.column
      ) {
        throw invalid(
          source,
          `${field}.edits`,
          `has overlapping edits at line ${current.line}, columns ${previous.column} and ${current.column}.`,
        );
      }
    }
    for (const [editIndex, edit] of node.edits.entries()) {
      if (edit.oldText.length !== edit.length) {
        throw invalid(
          source,
          `${field}.edits[${editIndex}].oldText`,
          `has ${edit.oldText.length} characters but length is ${edit.length}.`,
        );
      }
    }
  }
}

function invalid(source: string, field: string, message: string): OrchestratorError {
  return new OrchestratorError('PLAN_INVALID', `${source} field ${field} ${message}`, {
    data: { source, field },
  });
}
