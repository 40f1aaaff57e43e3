import { readFile } from 'node:fs/promises';
import { isOrchestratorError } from '../core/errors.js';
import { ExecutionPlan, parseIntent } from '../orchestrator.js';
import { createProgressNotifier, type ToolExtra } from './progress-notifier.js';
import { resolveWorkspace, type ServeContext, toRunSignal } from './serve-context.js';

/** What `explain_command` returns. */
export interface ExplainCommandValue {
  success: boolean;
  command: string;
  intent: { kind: string; [key: string]: unknown } | null;
  explanation: Record<string, unknown> | null;
  warnings: string[];
  error: { code: string; message: string } | null;
}

/**
 * The intent the command reads as and, in a repository, what it would change: the symbols,
 * each file's edits, what is left alone and the risk — from a planning run (MAP … PLAN), whose
 * run folder keeps the plan. Outside a repository only the intent is given.
 */
export async function explainCommand(
  context: ServeContext,
  input: { command: string; workspace?: string | undefined },
  extra: ToolExtra,
): Promise<ExplainCommandValue> {
  const intent = parseIntent(input.command) as ExplainCommandValue['intent'];
  const workspace = resolveWorkspace(context, input.workspace);
  try {
    const result = await context.orchestrator.run(input.command, {
      workspace,
      dryRun: true,
      signal: toRunSignal(context, extra.signal),
      onEvent: createProgressNotifier(extra, 4),
    });
    const plan =
      result.success && result.plan
        ? ExecutionPlan.fromJson(await readFile(result.plan, 'utf8'), result.plan)
        : undefined;
    return {
      success: result.success,
      command: result.command,
      intent,
      explanation: plan ? toExplanation(plan, result.risk) : null,
      warnings: result.warnings,
      error: result.error,
    };
  } catch (error) {
    if (!isOrchestratorError(error, 'NOT_A_GIT_REPO')) throw error;
    return {
      success: true,
      command: input.command,
      intent,
      explanation: null,
      warnings: [`${error.message} Only the intent is given.`],
      error: null,
    };
  }
}

function toExplanation(plan: ExecutionPlan, risk: unknown): Record<string, unknown> {
  const changes = plan.fileChanges().map((change) => ({
    file: change.file,
    op: change.op,
    edits: change.op === 'edit' ? change.edits.length : 1,
    ...(change.op === 'move' ? { to: change.to } : {}),
  }));
  const { analysis } = plan.data;
  return {
    title: analysis.title,
    language: plan.data.language,
    symbols: analysis.targets,
    changes,
    editCount: changes.reduce((sum, change) => sum + change.edits, 0),
    leftAlone: analysis.leftAlone,
    risk,
  };
}
