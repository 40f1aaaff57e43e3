import { ATTR, toContentValue } from '../core/span-attributes.js';
import type {
  ModelCallRequest,
  ModelCallResponse,
  ModelMessage,
  SpanAttributes,
} from '../core/spans.js';

/** Name of a model call's span, as the GenAI conventions write it: `chat <model>`. */
export function toModelCallSpanName(request: ModelCallRequest): string {
  return `chat ${request.modelName}`;
}

/**
 * The OpenInference attributes of a model call's request (span kind `LLM`), with the GenAI
 * convention's names beside them. Message text only when `recordContent`; roles always. Pure.
 */
export function toModelRequestAttributes(
  request: ModelCallRequest,
  recordContent: boolean,
): SpanAttributes {
  return {
    [ATTR.spanKind]: 'LLM',
    [ATTR.llmModelName]: request.modelName,
    'gen_ai.request.model': request.modelName,
    [ATTR.genAiOperation]: 'chat',
    ...(request.provider === undefined
      ? {}
      : { [ATTR.llmProvider]: request.provider, 'gen_ai.provider.name': request.provider }),
    ...(request.invocationParameters === undefined
      ? {}
      : { [ATTR.llmInvocationParameters]: JSON.stringify(request.invocationParameters) }),
    ...toMessageAttributes(ATTR.llmInputMessages, request.messages, recordContent),
    ...(recordContent
      ? {
          [ATTR.inputValue]: toContentValue(JSON.stringify(request.messages)),
          [ATTR.inputMimeType]: 'application/json',
        }
      : {}),
  };
}

/** The attributes of a model call's reply: token counts, and messages when `recordContent`. Pure. */
export function toModelResponseAttributes(
  response: ModelCallResponse,
  recordContent: boolean,
): SpanAttributes {
  const messages = response.messages ?? [];
  return {
    [ATTR.llmTokenPrompt]: response.promptTokens,
    [ATTR.llmTokenCompletion]: response.completionTokens,
    [ATTR.llmTokenTotal]: response.promptTokens + response.completionTokens,
    'gen_ai.usage.input_tokens': response.promptTokens,
    'gen_ai.usage.output_tokens': response.completionTokens,
    ...toMessageAttributes(ATTR.llmOutputMessages, messages, recordContent),
    ...(recordContent && messages.length > 0
      ? {
          [ATTR.outputValue]: toContentValue(messages.map((m) => m.content).join('\n')),
          [ATTR.outputMimeType]: 'text/plain',
        }
      : {}),
  };
}

/** OpenInference's flattened list: `<prefix>.<i>.message.role` and `.message.content`. */
function toMessageAttributes(
  prefix: string,
  messages: readonly ModelMessage[],
  recordContent: boolean,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  messages.forEach((message, i) => {
    attributes[`${prefix}.${i}.message.role`] = message.role;
    if (recordContent)
      attributes[`${prefix}.${i}.message.content`] = toContentValue(message.content);
  });
  return attributes;
}
