import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isOrchestratorError, OrchestratorError, toErrorMessage } from '../core/errors.js';

/** True for the SDK's "the connection (or the server process) went away" failures. */
export function isConnectionClosed(error: unknown): boolean {
  if (error instanceof McpError) return error.code === ErrorCode.ConnectionClosed;
  return error instanceof Error && error.message === 'Not connected';
}

/** What a failed call knew when it failed. */
export interface CallFailureContext {
  server: string;
  tool: string;
  timeoutMs: number;
  /** The caller's own signal (its abort means cancellation). */
  signal: AbortSignal | undefined;
  /** The call's deadline signal. */
  deadline: AbortSignal;
}

/**
 * Maps anything a tool call threw to an `OrchestratorError`: `CANCELLED` when the caller
 * aborted, `MCP_TIMEOUT` past the deadline, `MCP_SERVER_CRASHED` when the connection closed
 * even after a reconnect, else `MCP_TOOL_FAILED`. OrchestratorErrors pass through.
 */
export function toCallError(error: unknown, context: CallFailureContext): OrchestratorError {
  const { server, tool } = context;
  const data = { server, tool };
  if (context.signal?.aborted === true) {
    return new OrchestratorError(
      'CANCELLED',
      `Tool "${tool}" on MCP server "${server}" was cancelled.`,
      {
        cause: error,
        data,
      },
    );
  }
  const timedOut =
    context.deadline.aborted ||
    (error instanceof McpError && error.code === ErrorCode.RequestTimeout);
  if (timedOut) {
    return new OrchestratorError(
      'MCP_TIMEOUT',
      `Tool "${tool}" on MCP server "${server}" did not answer within ${context.timeoutMs} ms. Retry, or raise the call timeout.`,
      { cause: error, data: { ...data, timeoutMs: context.timeoutMs }, retryable: true },
    );
  }
  if (error instanceof OrchestratorError || isOrchestratorError(error))
    return error as OrchestratorError;
  if (isConnectionClosed(error)) {
    return new OrchestratorError(
      'MCP_SERVER_CRASHED',
      `MCP server "${server}" closed the connection during "${tool}", again after a restart.`,
      { cause: error, data, retryable: true },
    );
  }
  return new OrchestratorError(
    'MCP_TOOL_FAILED',
    `Tool "${tool}" on MCP server "${server}" failed: ${toErrorMessage(error)}`,
    { cause: error, data },
  );
}
