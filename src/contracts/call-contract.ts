import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import type { ToolCaller, ToolCallOptions } from '../core/services.js';
import { toIssueList } from '../core/zod-issues.js';
import type { ContractInput, ContractOutput, ToolContract } from './tool-contract.js';

/**
 * Calls the contract's tool and checks the reply against its output shape: a malformed reply
 * is `MCP_TOOL_FAILED` naming the server, the tool and the field.
 */
export async function callContract<C extends ToolContract<z.ZodRawShape, z.ZodRawShape>>(
  tools: ToolCaller,
  contract: C,
  args: ContractInput<C>,
  options: ToolCallOptions = {},
): Promise<ContractOutput<C>> {
  const reply = await tools.callTool(
    contract.server,
    contract.tool,
    args as Record<string, unknown>,
    options,
  );
  const parsed = z.object(contract.output).safeParse(reply);
  if (!parsed.success) {
    throw new OrchestratorError(
      'MCP_TOOL_FAILED',
      `MCP server "${contract.server}" answered "${contract.tool}" with a malformed result:\n  ${toIssueList(parsed.error).join('\n  ')}`,
      { data: { server: contract.server, tool: contract.tool, issues: toIssueList(parsed.error) } },
    );
  }
  return parsed.data as ContractOutput<C>;
}
