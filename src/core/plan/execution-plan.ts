import type { FileChange } from '../change/change-types.js';
import { OrchestratorError } from '../errors.js';
import { PHASE_NAMES } from '../phase.js';
import { toIssueList } from '../zod-issues.js';
import type { OptimizeSection } from './optimize-section-schema.js';
import {
  type ChangeNode,
  type DagNode,
  type ExecutionPlanData,
  executionPlanSchema,
  PLAN_VERSION,
} from './plan-schema.js';
import { toTopologicalOrder } from './topological-order.js';
import { invalidPlan, validatePlanNodes } from './validate-plan-nodes.js';

/**
 * A validated execution plan: a JSON DAG of operations. Serialises to the same bytes for the
 * same content (stable key and node order; no times or random ids). The intent and the phase
 * settings are checked for shape here; their owners (the transform, the phases) check the rest.
 */
export class ExecutionPlan {
  readonly data: ExecutionPlanData;
  /** Node ids in the order they run. */
  readonly order: readonly string[];

  private constructor(data: ExecutionPlanData) {
    this.data = toCanonicalPlan(data);
    this.order = toTopologicalOrder(
      data.dag.nodes.map((node) => node.id),
      data.dag.edges,
    );
  }

  /** Validates a plan (parsed JSON object or JSON text). Throws `PLAN_INVALID` naming the field. */
  static fromJson(input: unknown, source = 'plan'): ExecutionPlan {
    const value = typeof input === 'string' ? parseJson(input, source) : input;
    refuseOtherVersions(value, source);
    refuseUnknownPhases(value, source);
    const parsed = executionPlanSchema.safeParse(value);
    if (!parsed.success) {
      const issues = toIssueList(parsed.error);
      throw new OrchestratorError(
        'PLAN_INVALID',
        `${source} is not a valid plan:\n  ${issues.join('\n  ')}`,
        { data: { source, issues } },
      );
    }
    validatePlanNodes(parsed.data, source);
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

  /** The first node of kind `op` in execution order, if any. */
  node<K extends DagNode['op']>(op: K): Extract<DagNode, { op: K }> | undefined {
    return this.orderedNodes().find((node): node is Extract<DagNode, { op: K }> => node.op === op);
  }

  /** The change nodes (edit, create, delete, move) as file changes, in execution order. */
  fileChanges(): FileChange[] {
    return this.orderedNodes().flatMap((node): FileChange[] =>
      isChangeNode(node) ? [toFileChange(node)] : [],
    );
  }

  /**
   * This plan with OPTIMIZE's section set (or, with `undefined`, removed). The rest of the plan
   * is unchanged, byte for byte.
   */
  withOptimize(section: OptimizeSection | undefined): ExecutionPlan {
    const { optimize: _previous, ...rest } = this.data;
    return ExecutionPlan.create(section === undefined ? rest : { ...rest, optimize: section });
  }

  /** The canonical JSON text (2-space indent, trailing newline). */
  toJson(): string {
    return `${JSON.stringify(this.data, null, 2)}\n`;
  }
}

/** True for the nodes that change files. */
export function isChangeNode(node: DagNode): node is ChangeNode {
  return node.op === 'edit' || node.op === 'create' || node.op === 'delete' || node.op === 'move';
}

function toFileChange(node: ChangeNode): FileChange {
  switch (node.op) {
    case 'edit':
      return { op: 'edit', file: node.file, edits: node.edits.map((edit) => ({ ...edit })) };
    case 'create':
      return { op: 'create', file: node.file, text: node.text, reason: node.reason };
    case 'delete':
      return { op: 'delete', file: node.file, reason: node.reason };
    case 'move':
      return { op: 'move', file: node.file, to: node.to, reason: node.reason };
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `${source} is not valid JSON: ${(error as Error).message}`,
      { data: { source } },
    );
  }
}

function refuseOtherVersions(value: unknown, source: string): void {
  if (typeof value !== 'object' || value === null) return;
  const version = (value as { version?: unknown }).version;
  if (version === undefined || version === PLAN_VERSION) return;
  const made = typeof version === 'number' && version < PLAN_VERSION ? 'an earlier' : 'another';
  throw new OrchestratorError(
    'PLAN_INVALID',
    `${source} is a version ${JSON.stringify(version)} plan, made by ${made} mcp-orchestrator; this one reads version ${PLAN_VERSION}. Make a new plan with "mcp-orchestrator plan <command>".`,
    { data: { source, field: 'version', value: version } },
  );
}

function refuseUnknownPhases(value: unknown, source: string): void {
  const phases = (value as { phases?: unknown } | null)?.phases;
  if (!Array.isArray(phases)) return;
  for (const [index, entry] of phases.entries()) {
    const name = (entry as { phase?: unknown } | null)?.phase;
    if (typeof name === 'string' && !(PHASE_NAMES as readonly string[]).includes(name)) {
      throw invalidPlan(
        source,
        `phases[${index}].phase`,
        `is "${name}", which is not a phase. Known phases: ${PHASE_NAMES.join(', ')}.`,
      );
    }
  }
}

/** Keys that lead their object, for people reading the plan; the rest follow in code-unit order. */
const LEADING_KEYS = ['kind', 'phase', 'check', 'id', 'op'];

/** Orders the keys of every object in `value` (recursively) the same way, whatever the input. */
function toCanonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCanonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rank = (key: string): number => {
    const index = LEADING_KEYS.indexOf(key);
    return index === -1 ? LEADING_KEYS.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, entry]) => [key, toCanonical(entry)]));
}

/**
 * The plan with the parts its schema leaves open (the intent, phase settings, verify checks,
 * the transform's details) in canonical key order, so the same content gives the same bytes.
 */
function toCanonicalPlan(data: ExecutionPlanData): ExecutionPlanData {
  const { optimize, ...rest } = data;
  return {
    ...rest,
    intent: toCanonical(data.intent) as ExecutionPlanData['intent'],
    phases: toCanonical(data.phases) as ExecutionPlanData['phases'],
    analysis: {
      ...data.analysis,
      details: toCanonical(data.analysis.details) as Record<string, unknown>,
    },
    dag: {
      ...data.dag,
      nodes: data.dag.nodes.map((node) =>
        node.op === 'check'
          ? { ...node, verify: toCanonical(node.verify) as typeof node.verify }
          : node,
      ),
    },
    // Last, after everything PLAN made, so a plan with it starts with the same bytes.
    ...(optimize ? { optimize: toCanonical(optimize) as typeof optimize } : {}),
  };
}
