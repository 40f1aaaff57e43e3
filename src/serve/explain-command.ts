import { isOrchestratorError } from '../core/errors.js';
import { type ExplainOptions, parseIntent } from '../orchestrator.js';
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
 * The intent the command reads as and, in a repository, what it would change — the same
 * explanation as `mcp-orchestrator explain` (MAP, LOGIC and MONTE CARLO: the symbols, each
 * file's edits, what is left alone and the risk). Outside a repository only the intent is given.
 */
export async function explainCommand(
  context: ServeContext,
  planner: Pick<ExplainOptions, 'planner'>,
  input: { command: string; workspace?: string | undefined },
  extra: ToolExtra,
): Promise<ExplainCommandValue> {
  const workspace = resolveWorkspace(context, input.workspace);
  try {
    const result = await context.orchestrator.explain(input.command, {
      ...planner,
      workspace,
      signal: toRunSignal(context, extra.signal),
      onEvent: createProgressNotifier(extra, 3),
    });
    return {
      success: result.success,
      command: result.command,
      intent: result.intent as unknown as ExplainCommandValue['intent'],
      explanation: result.explanation as unknown as ExplainCommandValue['explanation'],
      warnings: result.warnings,
      error: result.error,
    };
  } catch (error) {
    if (!isOrchestratorError(error, 'NOT_A_GIT_REPO')) throw error;
    return {
      success: true,
      command: input.command,
      intent: parseIntent(input.command) as unknown as ExplainCommandValue['intent'],
      explanation: null,
      warnings: [`${error.message} Only the intent is given.`],
      error: null,
    };
  }
}
