import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  ClientCapabilities,
  CreateMessageRequest,
  CreateMessageResult,
  CreateMessageResultWithTools,
  SamplingMessageContentBlock,
} from '@modelcontextprotocol/sdk/types.js';
import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { IntentPlanner, PlannerAnswer, PlannerPrompt } from './intent-planner.js';

/** What the planner needs of an MCP server: the SDK's `Server` (`mcpServer.server`) has it. */
export interface SamplingServer {
  createMessage(
    params: CreateMessageRequest['params'],
    options?: RequestOptions,
  ): Promise<CreateMessageResult | CreateMessageResultWithTools>;
  getClientCapabilities(): ClientCapabilities | undefined;
}

/** Options of {@link createSamplingPlanner}. */
export interface SamplingPlannerOptions {
  /** A model name hint for the client (`modelPreferences.hints`); the client chooses. */
  readonly modelHint?: string;
  /** Deadline of one sampling request, in ms. @default 120000 */
  readonly timeoutMs?: number;
}

/** True when the connected MCP client offers `sampling`. */
export function offersSampling(server: SamplingServer): boolean {
  return server.getClientCapabilities()?.sampling !== undefined;
}

/**
 * MCP sampling as a planner, for the orchestrator running as an MCP server: the client's model
 * answers through `sampling/createMessage`. With the client's `sampling.tools` capability the
 * intent tool is offered with `toolChoice: {mode: "required"}`; without it the schema goes in
 * the system prompt and the text is read as JSON. MCP reports no usage: the caller counts the
 * tokens. Throws `INVALID_SETTING` when the client offers no sampling.
 */
export function createSamplingPlanner(
  server: SamplingServer,
  options: SamplingPlannerOptions = {},
): IntentPlanner {
  if (!offersSampling(server)) {
    throw new OrchestratorError(
      'INVALID_SETTING',
      'The MCP client does not offer sampling, so no model can read the command: use one of the supported forms, or give the intent as data.',
    );
  }
  const timeout = options.timeoutMs ?? 120_000;
  return {
    name: 'sampling',
    model: options.modelHint ?? 'chosen by the MCP client',
    endpoint: 'the MCP client (sampling/createMessage)',
    async ask(prompt: PlannerPrompt, askOptions = {}): Promise<PlannerAnswer> {
      const withTools = server.getClientCapabilities()?.sampling?.tools !== undefined;
      const system = withTools
        ? prompt.system
        : `${prompt.system}\nAnswer with only one JSON object, {"steps": […], "intent": …}, matching this JSON schema:\n${JSON.stringify(prompt.tool.inputSchema)}`;
      let result: CreateMessageResult | CreateMessageResultWithTools;
      try {
        result = await server.createMessage(
          {
            systemPrompt: system,
            messages: prompt.messages.map((m) => ({
              role: m.role,
              content: { type: 'text', text: m.text },
            })),
            maxTokens: prompt.maxTokens,
            includeContext: 'none',
            ...(options.modelHint
              ? { modelPreferences: { hints: [{ name: options.modelHint }] } }
              : {}),
            ...(withTools
              ? {
                  tools: [
                    {
                      name: prompt.tool.name,
                      description: prompt.tool.description,
                      inputSchema: prompt.tool.inputSchema as { type: 'object' },
                    },
                  ],
                  toolChoice: { mode: 'required' as const },
                }
              : {}),
          },
          { timeout, ...(askOptions.signal ? { signal: askOptions.signal } : {}) },
        );
      } catch (error) {
        if (askOptions.signal?.aborted) {
          throw new OrchestratorError(
            'CANCELLED',
            `The sampling request was cancelled (${toErrorMessage(askOptions.signal.reason)}).`,
          );
        }
        throw new OrchestratorError(
          'MODEL_UNAVAILABLE',
          `The MCP client's sampling failed: ${toErrorMessage(error)}`,
          { cause: error, retryable: false },
        );
      }
      const blocks: SamplingMessageContentBlock[] = Array.isArray(result.content)
        ? result.content
        : [result.content];
      const call = blocks.find((b) => b.type === 'tool_use' && b.name === prompt.tool.name);
      const text = blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
      const reason = result.stopReason ?? 'none';
      return {
        payload:
          call?.type === 'tool_use' ? { type: 'json', value: call.input } : { type: 'text', text },
        stop:
          reason === 'maxTokens'
            ? 'max_tokens'
            : reason === 'endTurn' || reason === 'toolUse' || reason === 'stopSequence'
              ? 'complete'
              : 'other',
        stopReason: reason,
        model: result.model,
      };
    },
  };
}
