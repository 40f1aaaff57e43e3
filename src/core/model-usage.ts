/** What the model calls of one step of a run cost. */
export interface ModelPhaseUsage {
  /** The step that asked the model: `intent` (reading the command), before MAP. */
  readonly phase: string;
  /** The planner (`anthropic`, `openai`, `sampling`) and the model that answered. */
  readonly planner: string;
  readonly model: string;
  /** Wall time of the step, model calls included. */
  readonly durationMs: number;
  /** Model calls made (one, plus one per retried answer). */
  readonly calls: number;
  /** Tokens of the prompts sent, counted with cl100k_base before each call (held to the budgets). */
  readonly promptTokens: number;
  /** Input tokens, from the API's usage figures (`usageFrom: 'api'`) or counted here. */
  readonly inputTokens: number;
  /** Output tokens, from the API's usage figures (`usageFrom: 'api'`) or counted here. */
  readonly outputTokens: number;
  /** `api` when every call reported usage; `counted` when some did not (MCP sampling). */
  readonly usageFrom: 'api' | 'counted';
}

/** The model tokens of a run, per step and in total. */
export interface ModelUsageReport {
  readonly phases: readonly ModelPhaseUsage[];
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** The report over `phases`, with the totals added up. */
export function toModelUsageReport(phases: readonly ModelPhaseUsage[]): ModelUsageReport {
  return {
    phases,
    inputTokens: phases.reduce((sum, p) => sum + p.inputTokens, 0),
    outputTokens: phases.reduce((sum, p) => sum + p.outputTokens, 0),
  };
}
