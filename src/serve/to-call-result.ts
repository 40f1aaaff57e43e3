import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';

/**
 * A tool's value as an MCP result: `structuredContent` and the same JSON as text. `failed`
 * marks a run that ended without success (tests failed, refused, cancelled): still a result
 * of the declared shape, flagged `isError` so the model sees that it failed.
 */
export function toCallResult(value: Record<string, unknown>, failed = false): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(value) }],
    structuredContent: value,
    ...(failed ? { isError: true } : {}),
  };
}

/**
 * The one conversion of a thrown value to a tool error: `{code, message, data}` as text, no
 * stack trace. Bad input (a command no transform reads, no repository, a dirty checkout, a
 * malformed plan) arrives here, before any run started.
 */
export function toCallError(error: unknown): CallToolResult {
  const report = isOrchestratorError(error)
    ? { code: error.code, message: error.message, data: error.data }
    : { code: 'INTERNAL', message: toErrorMessage(error), data: {} };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(report) }] };
}

/** Runs a tool body and converts what it returns or throws. */
export async function runCall(
  body: () => Promise<{ value: Record<string, unknown>; failed: boolean }>,
): Promise<CallToolResult> {
  try {
    const { value, failed } = await body();
    return toCallResult(value, failed);
  } catch (error) {
    return toCallError(error);
  }
}
