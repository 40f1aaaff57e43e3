import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runTool } from '../shared/tool-result.js';
import { resolvePythonFile } from './resolve-python-file.js';
import type { PythonToolContext } from './tool-context.js';
import { positionInputShape, symbolsInputShape } from './tool-schemas.js';

/** Registers `symbols` (pyright document symbols) and `scopes` (lexical scopes at a point). */
export function registerSymbolTools(server: McpServer, context: PythonToolContext): void {
  server.registerTool(
    'symbols',
    {
      description:
        'Symbols declared in a Python file (functions, classes, methods, variables), flattened ' +
        'with their container, sorted by line and column (1-based, UTF-16 columns).',
      inputSchema: symbolsInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file = resolvePythonFile(context.root, input.file);
          const symbols = await context.adapter.findDocumentSymbols(file, {
            signal: context.signal(extra.signal),
          });
          return { file, symbols };
        },
        undefined,
        context.replyLimits,
      ),
  );

  server.registerTool(
    'scopes',
    {
      description:
        'The lexical scopes enclosing a point in a Python file, innermost first (function, ' +
        'class, lambda, comprehension, module), each with the names bound in it and where; ' +
        'and how the name at the point is used (name, attribute, import, keyword, string).',
      inputSchema: positionInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file = resolvePythonFile(context.root, input.file);
          const result = await context.adapter.findScopes(
            { file, line: input.line, column: input.column },
            { signal: context.signal(extra.signal) },
          );
          return { file, ...result };
        },
        undefined,
        context.replyLimits,
      ),
  );
}
