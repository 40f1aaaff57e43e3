import type { FileChange } from '../../core/change/change-types.js';
import type { IntentBase } from '../../core/intent.js';
import type { LogicOutput } from '../../core/phase-outputs.js';
import {
  type ChangeNode,
  type CompileSetting,
  type DagNode,
  type ExecutionPlanData,
  type IntentSource,
  type PhaseSettingsEntry,
  PLAN_VERSION,
} from '../../core/plan/plan-schema.js';

/** Everything a plan is made of; no clock, no randomness: same input, same plan. */
export interface PlanInput {
  command: string;
  intent: IntentBase;
  /** Who chose the intent, when a model did. */
  intentSource?: IntentSource;
  base: string;
  tokenBudget: number;
  maxRetries: number;
  phases: PhaseSettingsEntry[];
  logic: LogicOutput;
  testCommand: string[];
  compile: CompileSetting;
}

/** Builds the plan data: one node per file change, then test and check, then commit. */
export function buildPlanData(input: PlanInput): ExecutionPlanData {
  const { logic } = input;
  const changeNodes = logic.changes.map(toNode);
  const nodes: DagNode[] = [
    ...changeNodes,
    { id: 'test', op: 'test', command: input.testCommand },
    { id: 'check', op: 'check', compile: input.compile, verify: logic.verify },
    {
      id: 'commit',
      op: 'commit',
      message: `${logic.title}\n\nMade by mcp-orchestrator from the command: ${input.command}`,
    },
  ];
  const edges: Array<[string, string]> = [];
  const editOf = new Map(changeNodes.filter((n) => n.op === 'edit').map((n) => [n.file, n.id]));
  for (const node of changeNodes) {
    // A file's edits apply before the file moves or goes away.
    const edit = editOf.get(node.file);
    if (node.op !== 'edit' && edit !== undefined) edges.push([edit, node.id]);
    edges.push([node.id, 'test'], [node.id, 'check']);
  }
  edges.push(['test', 'commit'], ['check', 'commit']);
  return {
    version: PLAN_VERSION,
    command: input.command,
    intent: { ...input.intent },
    ...(input.intentSource ? { intentSource: { ...input.intentSource } } : {}),
    language: logic.language,
    base: input.base,
    tokenBudget: input.tokenBudget,
    maxRetries: input.maxRetries,
    phases: input.phases,
    analysis: {
      title: logic.title,
      targets: logic.targets,
      leftAlone: logic.leftAlone,
      details: logic.details,
    },
    dag: { nodes, edges },
  };
}

function toNode(change: FileChange): ChangeNode {
  switch (change.op) {
    case 'edit':
      return {
        id: `edit:${change.file}`,
        op: 'edit',
        file: change.file,
        edits: change.edits.map((e) => ({
          start: [e.start[0], e.start[1]],
          end: [e.end[0], e.end[1]],
          oldText: e.oldText,
          newText: e.newText,
          reason: e.reason,
        })),
      };
    case 'create':
      return {
        id: `create:${change.file}`,
        op: 'create',
        file: change.file,
        text: change.text,
        reason: change.reason,
      };
    case 'delete':
      return {
        id: `delete:${change.file}`,
        op: 'delete',
        file: change.file,
        reason: change.reason,
      };
    case 'move':
      return {
        id: `move:${change.file}`,
        op: 'move',
        file: change.file,
        to: change.to,
        reason: change.reason,
      };
  }
}
