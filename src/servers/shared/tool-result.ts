import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isOrchestratorError, isWireErrorCode, toErrorMessage } from '../../core/errors.js';
import { capReply, DEFAULT_MAX_REPLY_BYTES } from './reply-cap.js';

/** A successful tool result: the value as structured content and as JSON text. */
export function toToolResult(value: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(value) }],
    structuredContent: value,
  };
}

/**
 * The one conversion from a thrown value to an MCP tool error: a message and a stable code,
 * never a stack trace.
 */
export function toToolError(error: unknown): CallToolResult {
  // Only wire codes cross the boundary; anything else is the server's own fault.
  const code = isOrchestratorError(error) && isWireErrorCode(error.code) ? error.code : 'INTERNAL';
  const data = isOrchestratorError(error) ? error.data : {};
  const retryable = isOrchestratorError(error) && error.retryable;
  const report = { code, message: toErrorMessage(error), data, retryable };
  return {
    isError: true,
    content: [{ type: 'text', text: JSON.stringify(report) }],
  };
}

/** Options for {@link runTool}. */
export interface RunToolOptions {
  /** Cap on the reply's JSON, in bytes; see {@link capReply}. @default DEFAULT_MAX_REPLY_BYTES (4 MiB) */
  maxReplyBytes?: number;
}

/**
 * Runs a tool body and converts its outcome with {@link toToolResult} / {@link toToolError}.
 * With `outputShape` (the tool's declared output schema) the value is parsed through it first,
 * so fields an engine adds beyond the declared shape are dropped, not rejected by the client.
 * Every reply is held to `maxReplyBytes` by {@link capReply}; a tool with an output schema
 * must declare `REPLY_CUT_SHAPE` in it, or a reply that needed cutting is a tool error instead.
 */
export async function runTool(
  body: () => Promise<Record<string, unknown>>,
  outputShape?: z.ZodRawShape,
  options: RunToolOptions = {},
): Promise<CallToolResult> {
  const maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  try {
    const value = await body();
    const parsed = outputShape ? z.object(outputShape).parse(value) : value;
    // A schema without the cut fields would make clients reject a cut reply.
    const cut = outputShape === undefined || 'replyCut' in outputShape;
    return toToolResult(capReply(parsed, maxReplyBytes, { cut }));
  } catch (error) {
    return toToolError(error);
  }
}
