import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isOrchestratorError, toErrorMessage } from '../../core/errors.js';

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
  const code = isOrchestratorError(error) ? error.code : 'MCP_TOOL_FAILED';
  const data = isOrchestratorError(error) ? error.data : {};
  return {
    isError: true,
    content: [
      { type: 'text', text: JSON.stringify({ code, message: toErrorMessage(error), data }) },
    ],
  };
}

/** Runs a tool body and converts its outcome with {@link toToolResult} / {@link toToolError}. */
export async function runTool(
  body: () => Promise<Record<string, unknown>>,
): Promise<CallToolResult> {
  try {
    return toToolResult(await body());
  } catch (error) {
    return toToolError(error);
  }
}
