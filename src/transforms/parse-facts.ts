import type { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import { toIssueList } from '../core/zod-issues.js';

/**
 * Checks a language half's `facts` against the transform's schema; a mismatch is
 * `MCP_TOOL_FAILED` naming the transform and the field (a server may be anyone's).
 */
export function parseFacts<T>(transform: string, schema: z.ZodType<T>, facts: unknown): T {
  const parsed = schema.safeParse(facts);
  if (parsed.success) return parsed.data;
  throw new OrchestratorError(
    'MCP_TOOL_FAILED',
    `dependency_graph's compute_edits for "${transform}" returned malformed facts:\n  ${toIssueList(parsed.error).join('\n  ')}`,
    { data: { server: 'dependency_graph', tool: 'compute_edits', transform } },
  );
}
