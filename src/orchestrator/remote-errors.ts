import { isOrchestratorError, isWireErrorCode, OrchestratorError } from '../core/errors.js';
import type { ToolCaller } from '../core/services.js';
import type { ToolErrorReport } from '../mcp/to-tool-output.js';

/**
 * Wraps a ToolCaller so that a tool error carrying one of our codes (e.g. INVALID_IDENTIFIER
 * from dependency_graph) surfaces as that code, not as a generic MCP_TOOL_FAILED.
 */
export function withRemoteErrorCodes(tools: ToolCaller): ToolCaller {
  return {
    serverNames: () => tools.serverNames(),
    hasTool: (server, tool) => tools.hasTool(server, tool),
    reconnectCount: () => tools.reconnectCount(),
    async callTool(server, tool, args, options) {
      try {
        return await tools.callTool(server, tool, args, options);
      } catch (error) {
        const remote = isOrchestratorError(error, 'MCP_TOOL_FAILED')
          ? (error.data.toolError as ToolErrorReport | undefined)
          : undefined;
        const code = remote?.code;
        if (remote && isWireErrorCode(code) && code !== 'INTERNAL') {
          throw new OrchestratorError(code, remote.message ?? 'The tool failed.', {
            data: { server, tool, ...(remote.data ?? {}) },
            cause: error,
            retryable: remote.retryable === true,
          });
        }
        throw error;
      }
    },
  };
}
