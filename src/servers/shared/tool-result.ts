import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isOrchestratorError, isWireErrorCode, toErrorMessage } from '../../core/errors.js';

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

/**
 * Runs a tool body and converts its outcome with {@link toToolResult} / {@link toToolError}.
 * With `outputShape` (the tool's declared output schema) the value is parsed through it first,
 * so fields an engine adds beyond the declared shape are dropped, not rejected by the client.
 */
export async function runTool(
  body: () => Promise<Record<string, unknown>>,
  outputShape?: z.ZodRawShape,
): Promise<CallToolResult> {
  try {
    const value = await body();
    return toToolResult(outputShape ? z.object(outputShape).parse(value) : value);
  } catch (error) {
    return toToolError(error);
  }
}
