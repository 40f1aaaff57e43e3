/**
 * Attribute names the run's spans carry. Where a convention exists it is used, so trace viewers
 * understand the spans without being told: OpenInference (`openinference.*`, `llm.*`, `tool.*`,
 * `input.*`, `output.*`: what Phoenix reads), the OpenTelemetry MCP and GenAI conventions
 * (`mcp.*`, `gen_ai.*`), and the OpenTelemetry process conventions (`process.*`).
 * Facts only this orchestrator has are under `orchestrator.*`.
 */
export const ATTR = {
  /** OpenInference span kind: `CHAIN` (run, phase), `TOOL` (MCP call, subprocess), `LLM`. */
  spanKind: 'openinference.span.kind',
  /** Phoenix's project: a resource attribute. */
  projectName: 'openinference.project.name',
  inputValue: 'input.value',
  inputMimeType: 'input.mime_type',
  outputValue: 'output.value',
  outputMimeType: 'output.mime_type',
  toolName: 'tool.name',
  errorType: 'error.type',

  llmModelName: 'llm.model_name',
  llmProvider: 'llm.provider',
  llmInvocationParameters: 'llm.invocation_parameters',
  llmTokenPrompt: 'llm.token_count.prompt',
  llmTokenCompletion: 'llm.token_count.completion',
  llmTokenTotal: 'llm.token_count.total',
  /** Prefix of `llm.input_messages.<i>.message.role` / `.content`. */
  llmInputMessages: 'llm.input_messages',
  /** Prefix of `llm.output_messages.<i>.message.role` / `.content`. */
  llmOutputMessages: 'llm.output_messages',

  mcpMethod: 'mcp.method.name',
  /** The server's name in `.mcp.json` (no convention names it). */
  mcpServer: 'mcp.server.name',
  genAiTool: 'gen_ai.tool.name',
  genAiOperation: 'gen_ai.operation.name',
  networkTransport: 'network.transport',
  /** Bytes of the call's arguments as JSON. */
  mcpArgumentBytes: 'mcp.request.argument_bytes',
  /** Bytes of the call's result as JSON. */
  mcpResultBytes: 'mcp.response.result_bytes',
  /** 1 when the server died under the call and the call was sent again to a restarted one. */
  mcpRetries: 'mcp.request.retries',
  /** The server reported the call failed (`isError`): a success at the protocol level. */
  mcpToolError: 'mcp.tool.is_error',
  /** The code the server gave its tool error (`SYMBOL_NOT_FOUND`), when it gave one. */
  mcpToolErrorCode: 'mcp.tool.error_code',
  mcpToolCount: 'mcp.server.tool_count',

  processArgs: 'process.command_args',
  processExecutable: 'process.executable.name',
  processExitCode: 'process.exit.code',
  processCwd: 'process.working_directory',

  runId: 'orchestrator.run.id',
  command: 'orchestrator.command',
  runSuccess: 'orchestrator.run.success',
  runTotalTokens: 'orchestrator.run.total_tokens',
  runMemoryPeakMb: 'orchestrator.run.memory_peak_mb',
  phase: 'orchestrator.phase',
  attempt: 'orchestrator.phase.attempt',
  phaseSuccess: 'orchestrator.phase.success',
  /** Time spent waiting for memory pressure to clear before the attempt, in ms. */
  pressureWaitMs: 'orchestrator.phase.pressure_wait_ms',
  /** Tokens of the phase's context pack, after trimming. */
  tokens: 'orchestrator.tokens.count',
  /** The budget the phase's context pack was trimmed to (phase budget, or what the run has left). */
  tokenBudget: 'orchestrator.tokens.budget',
  /** `CLAUDE_CODE_THINKING_BUDGET_TOKENS`. */
  phaseTokenBudget: 'orchestrator.tokens.phase_budget',
  runTokenBudget: 'orchestrator.tokens.run_budget',
  tokensTrimmed: 'orchestrator.tokens.trimmed',
  /** Memory of this process and its children when the span ended, in MB. */
  treeRssMb: 'orchestrator.memory.tree_rss_mb',
  processLabel: 'orchestrator.process.label',
  processTimedOut: 'orchestrator.process.timed_out',
  processCancelled: 'orchestrator.process.cancelled',
  processDurationMs: 'orchestrator.process.duration_ms',
} as const;

/** Values of {@link ATTR.spanKind}. */
export type OpenInferenceSpanKind = 'CHAIN' | 'TOOL' | 'LLM';

/** Longest text recorded in one content attribute (`input.value`, a message), in characters. */
export const MAX_CONTENT_CHARS = 16_384;

/** `text` cut to {@link MAX_CONTENT_CHARS}, saying how much was left out. */
export function toContentValue(text: string): string {
  if (text.length <= MAX_CONTENT_CHARS) return text;
  return `${text.slice(0, MAX_CONTENT_CHARS)}… (${text.length - MAX_CONTENT_CHARS} more characters)`;
}
