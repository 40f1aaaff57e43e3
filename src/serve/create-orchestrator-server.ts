import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerReadTools } from './register-read-tools.js';
import { registerRunResources } from './register-run-resources.js';
import { registerRunTools } from './register-run-tools.js';
import type { ServeContext } from './serve-context.js';

/** The server's name and version in `initialize`. */
export const SERVER_INFO = { name: 'mcp-orchestrator', version: '0.1.0' } as const;

/**
 * The orchestrator as an MCP server (one per client connection; every connection shares the
 * context's orchestrator): the tools `plan_change`, `run_change`, `apply_plan`,
 * `explain_command`, `list_runs`, `get_run`, `change_history`, and each run's files as resources.
 */
export function createOrchestratorServer(context: ServeContext): McpServer {
  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: {}, resources: {} },
    instructions:
      'Deterministic, validated code changes on git repositories. plan_change shows the plan and ' +
      'the risk without changing anything; run_change makes the change on a new branch with a ' +
      'test-green commit (the checkout is never touched); apply_plan carries out a plan_change ' +
      'run. Calls on one repository run one at a time.',
  });
  registerRunTools(server, context);
  registerReadTools(server, context);
  registerRunResources(server, context);
  return server;
}
