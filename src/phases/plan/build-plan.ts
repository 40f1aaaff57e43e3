import type { RenameIntent } from '../../core/intent.js';
import type { LogicOutput } from '../../core/phase-outputs.js';
import type { DagNode, ExecutionPlanData, PhaseSettings } from '../../core/plan/plan-schema.js';

/** Everything a plan is made of; no clock, no randomness: same input, same plan. */
export interface PlanInput {
  command: string;
  intent: RenameIntent;
  base: string;
  tokenBudget: number;
  maxRetries: number;
  phases: PhaseSettings[];
  logic: LogicOutput;
  testCommand: string[];
  compile: 'tsc' | 'py_compile' | 'none';
}

/** Builds the plan data: one edit node per file, then test and check, then commit. */
export function buildPlanData(input: PlanInput): ExecutionPlanData {
  const byFile = new Map<string, LogicOutput['edits']>();
  for (const edit of input.logic.edits) {
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  }
  const editNodes: DagNode[] = [...byFile.keys()].sort().map((file) => ({
    id: `edit:${file}`,
    op: 'edit',
    file,
    edits: (byFile.get(file) ?? []).map((edit) => ({
      line: edit.line,
      column: edit.column,
      length: edit.length,
      oldText: edit.oldText,
      newText: edit.newText,
    })),
  }));
  const nodes: DagNode[] = [
    ...editNodes,
    { id: 'test', op: 'test', command: input.testCommand },
    {
      id: 'check',
      op: 'check',
      compile: input.compile,
      staleScan: { name: input.intent.from, remaining: input.logic.remainingByFile },
    },
    {
      id: 'commit',
      op: 'commit',
      message: `Rename ${input.intent.from} to ${input.intent.to}\n\nMade by mcp-orchestrator from the command: ${input.command}`,
    },
  ];
  const edges: Array<[string, string]> = [
    ...editNodes.flatMap(
      (node): Array<[string, string]> => [
        [node.id, 'test'],
        [node.id, 'check'],
      ],
    ),
    ['test', 'commit'],
    ['check', 'commit'],
  ];
  const { confidence: _confidence, ...intent } = input.intent;
  return {
    version: 1,
    command: input.command,
    intent: { ...intent, confidence: input.intent.confidence },
    base: input.base,
    tokenBudget: input.tokenBudget,
    maxRetries: input.maxRetries,
    phases: input.phases,
    dag: { nodes, edges },
  };
}
