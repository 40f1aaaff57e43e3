import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runTool } from '../shared/tool-result.js';
import {
  createWorkspaceFileFilter,
  keepWorkspaceItems,
  toSkippedField,
} from '../shared/workspace-file-filter.js';
import { resolvePythonFile } from './resolve-python-file.js';
import type { PythonToolContext } from './tool-context.js';
import { asyncAnalysisInputShape, callHierarchyInputShape } from './tool-schemas.js';

/** Registers `call_hierarchy` (pyright) and `async_analysis` (Python `ast`). */
export function registerAnalysisTools(server: McpServer, context: PythonToolContext): void {
  server.registerTool(
    'call_hierarchy',
    {
      description:
        'incoming: the call sites of the function or method at a position, with the calling ' +
        'function (<module> for top-level code). outgoing: the functions it calls, with their ' +
        'workspace file when they have one and the call sites. Sorted by position.',
      inputSchema: callHierarchyInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file = resolvePythonFile(context.root, input.file);
          const at = { file, line: input.line, column: input.column };
          const signal = context.signal(extra.signal);
          const filter = createWorkspaceFileFilter(context.root);
          const { kept, skippedFiles } =
            input.direction === 'incoming'
              ? await keepWorkspaceItems(
                  filter,
                  await context.adapter.findCallers(at, { signal }),
                  (call) => [call.file, call.callerFile],
                )
              : await keepWorkspaceItems(
                  filter,
                  await context.adapter.findOutgoingCalls(at, { signal }),
                  (call) => [call.file, ...call.callSites.map((site) => site.file)],
                );
          return { direction: input.direction, calls: kept, ...toSkippedField(skippedFiles) };
        },
        undefined,
        context.replyLimits,
      ),
  );

  server.registerTool(
    'async_analysis',
    {
      description:
        'Per Python file: async functions with their awaits and the blocking calls inside them ' +
        '(time.sleep, requests.*, subprocess, open() and file reads/writes, flagged inLoop), ' +
        'sync functions that call a workspace async function, and async calls never awaited.',
      inputSchema: asyncAnalysisInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file =
            input.file === undefined ? undefined : resolvePythonFile(context.root, input.file);
          const result = await context.adapter.analyzeAsync(file, {
            signal: context.signal(extra.signal),
          });
          const filter = createWorkspaceFileFilter(context.root);
          const files = await keepWorkspaceItems(filter, result.files, (entry) => [entry.file]);
          const errors = await keepWorkspaceItems(filter, result.errors, (entry) => [entry.file]);
          const skipped = new Set([...files.skippedFiles, ...errors.skippedFiles]);
          return {
            ...result,
            files: files.kept,
            errors: errors.kept,
            ...toSkippedField([...skipped].sort()),
          };
        },
        undefined,
        context.replyLimits,
      ),
  );
}
