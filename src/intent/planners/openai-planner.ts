import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { type SdkErrorClasses, toPlannerError } from './api-errors.js';
import type { IntentPlanner, PlannerAnswer, PlannerPrompt } from './intent-planner.js';
import type { ResolvedHttpPlannerSettings } from './planner-settings.js';

/**
 * Any OpenAI-compatible chat endpoint (OpenAI, Ollama, vLLM, llama.cpp's server) as a planner:
 * function calling with `tool_choice` forcing the intent tool; an answer in the content instead
 * of a tool call is read as JSON; a server that rejects `tools` (400) is asked again, and from
 * then on, for JSON in the content with the schema in the system prompt. The SDK is loaded on
 * the first question, not with the CLI.
 */
export function createOpenAiPlanner(settings: ResolvedHttpPlannerSettings): IntentPlanner {
  type Sdk = {
    client: OpenAI;
    errors: SdkErrorClasses & { BadRequestError: abstract new (...args: never[]) => Error };
  };
  let loaded: Promise<Sdk> | undefined;
  const load = () =>
    (loaded ??= import('openai').then((sdk) => ({
      client: new sdk.default({
        // Local servers take any key; the SDK insists on one.
        apiKey: settings.apiKey ?? 'no-key',
        baseURL: settings.baseUrl,
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        logLevel: 'off',
      }),
      errors: sdk,
    })));
  let toolsRejected = false;
  const call = async (
    client: OpenAI,
    prompt: PlannerPrompt,
    withTools: boolean,
    signal?: AbortSignal,
  ): Promise<ChatCompletion> => {
    const system = withTools
      ? prompt.system
      : `${prompt.system}\nAnswer with only one JSON object, {"steps": […], "intent": …}, matching this JSON schema:\n${JSON.stringify(prompt.tool.inputSchema)}`;
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      ...prompt.messages.map(
        (m): ChatCompletionMessageParam => ({ role: m.role, content: m.text }),
      ),
    ];
    return client.chat.completions.create(
      {
        model: settings.model,
        max_tokens: prompt.maxTokens,
        messages,
        ...(withTools
          ? {
              tools: [
                {
                  type: 'function' as const,
                  function: {
                    name: prompt.tool.name,
                    description: prompt.tool.description,
                    parameters: prompt.tool.inputSchema,
                  },
                },
              ],
              tool_choice: { type: 'function' as const, function: { name: prompt.tool.name } },
            }
          : {}),
      },
      signal ? { signal } : {},
    );
  };
  return {
    name: 'openai',
    model: settings.model,
    endpoint: `${settings.baseUrlVariable}=${settings.baseUrl}`,
    async ask(prompt, options = {}): Promise<PlannerAnswer> {
      const { client, errors } = await load();
      try {
        let completion: ChatCompletion;
        try {
          completion = await call(client, prompt, !toolsRejected, options.signal);
        } catch (error) {
          if (toolsRejected || !(error instanceof errors.BadRequestError)) throw error;
          toolsRejected = true;
          completion = await call(client, prompt, false, options.signal);
        }
        return toAnswer(completion, prompt.tool.name, settings.model);
      } catch (error) {
        throw toPlannerError(error, errors, settings, options.signal);
      }
    },
  };
}

function toAnswer(completion: ChatCompletion, toolName: string, model: string): PlannerAnswer {
  const choice = completion.choices?.[0];
  const toolCall = choice?.message?.tool_calls?.find(
    (c) => c.type === 'function' && c.function.name === toolName,
  );
  const text =
    toolCall?.type === 'function' ? toolCall.function.arguments : (choice?.message?.content ?? '');
  const reason = String(choice?.finish_reason ?? 'none');
  const usage = completion.usage;
  return {
    payload: { type: 'text', text },
    stop:
      reason === 'length'
        ? 'max_tokens'
        : reason === 'stop' || reason === 'tool_calls'
          ? 'complete'
          : 'other',
    stopReason: reason,
    ...(usage &&
    typeof usage.prompt_tokens === 'number' &&
    typeof usage.completion_tokens === 'number'
      ? { usage: { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } }
      : {}),
    model:
      typeof completion.model === 'string' && completion.model !== '' ? completion.model : model,
  };
}
