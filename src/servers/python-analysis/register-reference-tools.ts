import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runTool } from '../shared/tool-result.js';
import { resolvePythonFile } from './resolve-python-file.js';
import type { PythonToolContext } from './tool-context.js';
import { positionInputShape, renameInputShape } from './tool-schemas.js';

/** Registers `references` and `rename_locations` (pyright, checked across the workspace). */
export function registerReferenceTools(server: McpServer, context: PythonToolContext): void {
  server.registerTool(
    'references',
    {
      description:
        'Every use of the Python symbol at a position across the workspace, the declaration ' +
        'included, sorted by file, line, column; each marked isDefinition / isImport ' +
        '(imports and __all__ entries), with its line text.',
      inputSchema: positionInputShape,
    },
    (input, extra) =>
      runTool(async () => {
        const file = resolvePythonFile(context.root, input.file);
        const references = await context.adapter.findReferences(
          { file, line: input.line, column: input.column },
          { signal: context.signal(extra.signal) },
        );
        return { references };
      }),
  );

  server.registerTool(
    'rename_locations',
    {
      description:
        'The exact edits that rename the Python symbol at a position to newName across the ' +
        'workspace (module-qualified uses, from-imports, star imports, __all__ entries, ' +
        're-exports; not shadowing locals, other classes\u2019 methods, strings or comments), ' +
        'each with oldText; plus existing names the new name would collide with.',
      inputSchema: renameInputShape,
    },
    (input, extra) =>
      runTool(async () => {
        const file = resolvePythonFile(context.root, input.file);
        const at = { file, line: input.line, column: input.column };
        const signal = context.signal(extra.signal);
        const edits = await context.adapter.findRenameEdits(at, input.newName, { signal });
        const collisions = await context.adapter.findRenameCollisions(at, input.newName, {
          signal,
        });
        const files = [...new Set(edits.map((edit) => edit.file))];
        return { edits, files, collisions };
      }),
  );
}
