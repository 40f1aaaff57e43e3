import type Anthropic from '@anthropic-ai/sdk';
import { type SdkErrorClasses, toPlannerError } from './api-errors.js';
import type { IntentPlanner, PlannerAnswer, PlannerPrompt } from './intent-planner.js';
import type { ResolvedHttpPlannerSettings } from './planner-settings.js';

/**
 * The Anthropic Messages API as a planner: one forced tool (`tool_choice: {type: "tool"}`)
 * whose input schema is the intent union. The key is passed explicitly, so the SDK reads no
 * credentials of its own; 429, 5xx and lost connections are retried by the SDK with backoff.
 * The SDK (some 270 modules, ~0.2 s) is loaded on the first question, not with the CLI.
 */
export function createAnthropicPlanner(settings: ResolvedHttpPlannerSettings): IntentPlanner {
  let loaded: Promise<{ client: Anthropic; errors: SdkErrorClasses }> | undefined;
  const load = () =>
    (loaded ??= import('@anthropic-ai/sdk').then((sdk) => ({
      client: new sdk.default({
        apiKey: settings.apiKey ?? null,
        authToken: null,
        baseURL: settings.baseUrl,
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        logLevel: 'off',
        openTelemetry: false,
      }),
      errors: sdk,
    })));
  return {
    name: 'anthropic',
    model: settings.model,
    endpoint: `${settings.baseUrlVariable}=${settings.baseUrl}`,
    async ask(prompt: PlannerPrompt, options = {}): Promise<PlannerAnswer> {
      const { client, errors } = await load();
      try {
        const message = await client.messages.create(
          {
            model: settings.model,
            max_tokens: prompt.maxTokens,
            system: prompt.system,
            messages: prompt.messages.map((m) => ({ role: m.role, content: m.text })),
            tools: [
              {
                name: prompt.tool.name,
                description: prompt.tool.description,
                input_schema: prompt.tool.inputSchema as Anthropic.Messages.Tool.InputSchema,
              },
            ],
            tool_choice: { type: 'tool', name: prompt.tool.name },
          },
          options.signal ? { signal: options.signal } : {},
        );
        const call = message.content.find(
          (block): block is Anthropic.Messages.ToolUseBlock =>
            block.type === 'tool_use' && block.name === prompt.tool.name,
        );
        const text = message.content
          .flatMap((block) => (block.type === 'text' ? [block.text] : []))
          .join('\n');
        const { usage } = message;
        return {
          payload: call ? { type: 'json', value: call.input } : { type: 'text', text },
          stop:
            message.stop_reason === 'max_tokens'
              ? 'max_tokens'
              : message.stop_reason === 'tool_use' || message.stop_reason === 'end_turn'
                ? 'complete'
                : 'other',
          stopReason: String(message.stop_reason),
          usage: {
            inputTokens:
              usage.input_tokens +
              (usage.cache_creation_input_tokens ?? 0) +
              (usage.cache_read_input_tokens ?? 0),
            outputTokens: usage.output_tokens,
          },
          model: message.model,
        };
      } catch (error) {
        throw toPlannerError(error, errors, settings, options.signal);
      }
    },
  };
}
