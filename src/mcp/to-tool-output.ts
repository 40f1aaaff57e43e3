import { OrchestratorError } from '../core/errors.js';

/** The parts of an MCP `CallToolResult` the pool reads. */
export interface ToolCallResultLike {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  content?: Array<{ type: string; text?: string }>;
}

/** A tool error as a server reported it: our servers send `{code, message, data}` JSON. */
export interface ToolErrorReport {
  code?: string;
  message: string;
  data?: Record<string, unknown>;
  /** The server says the same call may succeed later. */
  retryable?: boolean;
}

function firstText(result: ToolCallResultLike): string | undefined {
  return result.content?.find((item) => item.type === 'text' && typeof item.text === 'string')
    ?.text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a tool error's text: our JSON `{code, message, data}`, or a third party's plain text. */
export function toToolErrorReport(result: ToolCallResultLike): ToolErrorReport {
  const text = firstText(result) ?? 'the tool reported an error without a message';
  const parsed = parseJson(text) as Partial<ToolErrorReport> | undefined;
  if (typeof parsed === 'object' && parsed !== null && typeof parsed.message === 'string') {
    return {
      message: parsed.message,
      ...(typeof parsed.code === 'string' ? { code: parsed.code } : {}),
      ...(typeof parsed.data === 'object' && parsed.data !== null ? { data: parsed.data } : {}),
      ...(parsed.retryable === true ? { retryable: true } : {}),
    };
  }
  return { message: text };
}

/**
 * Turns a tool result into its value: `structuredContent`, else the first text content parsed
 * as JSON (an object or array), else `{text}`. A result with `isError` throws
 * `MCP_TOOL_FAILED` whose `data.toolError` holds the server's `{code, message, data}`.
 */
export function toToolOutput(server: string, tool: string, result: ToolCallResultLike): unknown {
  if (result.isError === true) {
    const report = toToolErrorReport(result);
    throw new OrchestratorError(
      'MCP_TOOL_FAILED',
      `Tool "${tool}" on MCP server "${server}" failed${report.code === undefined ? '' : ` (${report.code})`}: ${report.message}`,
      { data: { server, tool, toolError: report } },
    );
  }
  if (result.structuredContent !== undefined) return result.structuredContent;
  const text = firstText(result);
  if (text === undefined) return { content: result.content ?? [] };
  const parsed = parseJson(text);
  return typeof parsed === 'object' && parsed !== null ? parsed : { text };
}
