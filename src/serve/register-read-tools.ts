import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  changeHistoryContract,
  explainCommandContract,
  getRunContract,
  listRunsContract,
} from '../contracts/orchestrator-tools.js';
import { listRuns, readRun } from '../orchestrator.js';
import { explainCommand } from './explain-command.js';
import { samplingPlannerOf } from './sampling-option.js';
import { resolveWorkspace, type ServeContext, toRunFileUri } from './serve-context.js';
import { runCall } from './to-call-result.js';

/** Registers `explain_command`, `list_runs`, `get_run` and `change_history`. */
export function registerReadTools(server: McpServer, context: ServeContext): void {
  server.registerTool(
    explainCommandContract.tool,
    {
      description: explainCommandContract.description,
      inputSchema: explainCommandContract.input,
      outputSchema: explainCommandContract.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const value = await explainCommand(context, samplingPlannerOf(server), input, extra);
        return { value: { ...value }, failed: !value.success };
      }),
  );

  server.registerTool(
    listRunsContract.tool,
    {
      description: listRunsContract.description,
      inputSchema: listRunsContract.input,
      outputSchema: listRunsContract.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const listed = await listRuns(resolveWorkspace(context, input.workspace), {
          ...(input.limit !== undefined ? { limit: input.limit } : {}),
          signal: extra.signal,
        });
        context.roots.add(listed.root);
        return { value: { ...listed }, failed: false };
      }),
  );

  server.registerTool(
    getRunContract.tool,
    {
      description: getRunContract.description,
      inputSchema: getRunContract.input,
      outputSchema: getRunContract.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const run = await readRun(resolveWorkspace(context, input.workspace), input.runId, {
          signal: extra.signal,
        });
        context.roots.add(run.root);
        return {
          value: {
            root: run.root,
            runId: run.runId,
            result: run.result as unknown as Record<string, unknown> | null,
            files: run.files,
            resources: run.files.map((file) => toRunFileUri(run.runId, file)),
          },
          failed: false,
        };
      }),
  );

  server.registerTool(
    changeHistoryContract.tool,
    {
      description: changeHistoryContract.description,
      inputSchema: changeHistoryContract.input,
      outputSchema: changeHistoryContract.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input, extra) =>
      runCall(async () => {
        const runs = await context.orchestrator.history({
          workspace: resolveWorkspace(context, input.workspace),
          ...(input.symbol !== undefined ? { symbol: input.symbol } : {}),
          signal: extra.signal,
        });
        return { value: { runs }, failed: false };
      }),
  );
}
