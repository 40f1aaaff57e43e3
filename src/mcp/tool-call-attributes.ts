import { ATTR, toContentValue } from '../core/span-attributes.js';
import type { SpanAttributes } from '../core/spans.js';
import type { ServerStatus } from './server-status.js';
import { type ToolCallResultLike, toToolErrorReport } from './to-tool-output.js';

/**
 * Attributes of a `tools/call` span as it starts: the OpenTelemetry MCP conventions' names,
 * with OpenInference's `TOOL` kind beside them so Phoenix lists the call as a tool. The
 * arguments' text only when `recordContent`; their size always. Pure.
 */
export function toToolCallAttributes(
  server: string,
  tool: string,
  args: Record<string, unknown>,
  transport: ServerStatus['transport'],
  recordContent: boolean,
): SpanAttributes {
  const json = JSON.stringify(args);
  return {
    [ATTR.spanKind]: 'TOOL',
    [ATTR.mcpMethod]: 'tools/call',
    [ATTR.mcpServer]: server,
    [ATTR.genAiTool]: tool,
    [ATTR.genAiOperation]: 'execute_tool',
    [ATTR.toolName]: tool,
    [ATTR.networkTransport]: transport === 'stdio' ? 'pipe' : 'tcp',
    [ATTR.mcpArgumentBytes]: Buffer.byteLength(json),
    ...(recordContent
      ? { [ATTR.inputValue]: toContentValue(json), [ATTR.inputMimeType]: 'application/json' }
      : {}),
  };
}

/** Attributes of a `tools/call` span once the reply is in. Pure. */
export function toToolResultAttributes(
  result: ToolCallResultLike,
  retries: number,
  recordContent: boolean,
): SpanAttributes {
  const json = JSON.stringify(result);
  return {
    [ATTR.mcpResultBytes]: Buffer.byteLength(json),
    [ATTR.mcpRetries]: retries,
    [ATTR.mcpToolError]: result.isError === true,
    ...(result.isError === true
      ? { [ATTR.mcpToolErrorCode]: toToolErrorReport(result).code ?? 'unknown' }
      : {}),
    ...(recordContent
      ? { [ATTR.outputValue]: toContentValue(json), [ATTR.outputMimeType]: 'application/json' }
      : {}),
  };
}

/** Attributes of an `mcp.connect` span: how the server's start went. Pure. */
export function toConnectAttributes(status: ServerStatus): SpanAttributes {
  return {
    [ATTR.mcpServer]: status.name,
    [ATTR.networkTransport]: status.transport === 'stdio' ? 'pipe' : 'tcp',
    'orchestrator.mcp.state': status.state,
    [ATTR.mcpToolCount]: status.toolCount,
    ...(status.prestartedMs === undefined
      ? {}
      : { 'orchestrator.mcp.prestarted_ms': status.prestartedMs }),
    ...(status.error === undefined ? {} : { 'orchestrator.mcp.error': status.error }),
  };
}
