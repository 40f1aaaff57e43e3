import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runTool } from '../shared/tool-result.js';
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
      runTool(async () => {
        const file = resolvePythonFile(context.root, input.file);
        const at = { file, line: input.line, column: input.column };
        const signal = context.signal(extra.signal);
        const calls =
          input.direction === 'incoming'
            ? await context.adapter.findCallers(at, { signal })
            : await context.adapter.findOutgoingCalls(at, { signal });
        return { direction: input.direction, calls };
      }),
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
      runTool(async () => {
        const file =
          input.file === undefined ? undefined : resolvePythonFile(context.root, input.file);
        const result = await context.adapter.analyzeAsync(file, {
          signal: context.signal(extra.signal),
        });
        return { ...result };
      }),
  );
}
