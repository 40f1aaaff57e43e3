import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createSamplingPlanner, offersSampling, type RunCommandOptions } from '../orchestrator.js';

/**
 * The connected client's model as the run's planner, when the client offers `sampling`: a
 * command the grammar cannot place is then read by the client's model (it wins over
 * ORCHESTRATOR_PLANNER). Nothing when the client offers no sampling.
 */
export function samplingPlannerOf(server: McpServer): Pick<RunCommandOptions, 'planner'> {
  return offersSampling(server.server) ? { planner: createSamplingPlanner(server.server) } : {};
}
