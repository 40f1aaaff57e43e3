/** One turn of a planner conversation, as plain text. */
export interface PlannerMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** The one tool the model is made to call: its answer's JSON schema. */
export interface PlannerTool {
  readonly name: string;
  readonly description: string;
  /** A JSON schema whose top level is an object (`{"intent": …}`). */
  readonly inputSchema: Record<string, unknown>;
}

/** Everything one model call sends. */
export interface PlannerPrompt {
  readonly system: string;
  readonly messages: readonly PlannerMessage[];
  readonly tool: PlannerTool;
  /** The call's `max_tokens` (`CLAUDE_CODE_MAX_OUTPUT_TOKENS`). */
  readonly maxTokens: number;
}

/** How the model's turn ended: complete, cut at `max_tokens`, or anything else (as sent). */
export type PlannerStop = 'complete' | 'max_tokens' | 'other';

/** What one model call returned, before any validation. */
export interface PlannerAnswer {
  /** A tool call's arguments as data, or text that should hold JSON (content, or raw arguments). */
  readonly payload:
    | { readonly type: 'json'; readonly value: unknown }
    | { readonly type: 'text'; readonly text: string };
  readonly stop: PlannerStop;
  /** The stop reason as the API named it (`end_turn`, `length`, `maxTokens`, …). */
  readonly stopReason: string;
  /** The API's usage figures; absent when it reports none (MCP sampling, some local servers). */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
  /** The model that answered, as the API names it. */
  readonly model: string;
}

/** Which implementation a planner is. */
export type PlannerName = 'anthropic' | 'openai' | 'sampling';

/**
 * A model that turns a command the grammar could not place into an intent. It only answers:
 * the caller builds the prompt, holds it to the token budget, validates the answer with zod and
 * retries. Implementations map their transport's failures to `OrchestratorError`s naming the
 * variable to fix (`INVALID_SETTING` for a refused key or unknown model, `MODEL_UNAVAILABLE`
 * for an endpoint that cannot be reached or keeps failing, `CANCELLED`).
 */
export interface IntentPlanner {
  readonly name: PlannerName;
  /** The model asked for (`ORCHESTRATOR_MODEL`), or the one the MCP client chose. */
  readonly model: string;
  /** Where it is reached, for messages: `OPENAI_BASE_URL=http://127.0.0.1:11434/v1`. */
  readonly endpoint: string;
  ask(prompt: PlannerPrompt, options?: { signal?: AbortSignal }): Promise<PlannerAnswer>;
}
