import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { EditFileChange } from '../../core/change/change-types.js';
import { findRenameCollisions } from '../../transforms/rename/collisions.python.js';
import { findRenameChanges } from '../../transforms/rename/edits.python.js';
import { clipLineText } from '../shared/clip-line-text.js';
import { runTool } from '../shared/tool-result.js';
import {
  createWorkspaceFileFilter,
  keepWorkspaceItems,
  toSkippedField,
} from '../shared/workspace-file-filter.js';
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
        '(imports and __all__ entries), with its line text (a window around the use, marked ' +
        'clipped, for long lines).',
      inputSchema: positionInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file = resolvePythonFile(context.root, input.file);
          const found = await context.adapter.findReferences(
            { file, line: input.line, column: input.column },
            { signal: context.signal(extra.signal) },
          );
          const filter = createWorkspaceFileFilter(context.root);
          const { kept, skippedFiles } = await keepWorkspaceItems(filter, found, (r) => [r.file]);
          const references = kept.map((r) => ({
            ...r,
            ...clipLineText(r.lineText, r.column, r.length),
          }));
          return { references, ...toSkippedField(skippedFiles) };
        },
        undefined,
        context.replyLimits,
      ),
  );

  server.registerTool(
    'rename_locations',
    {
      description:
        'The exact edits that rename the Python symbol at a position to newName across the ' +
        'workspace (module-qualified uses, from-imports, star imports, __all__ entries, ' +
        're-exports; not shadowing locals, other classes\u2019 methods, strings or comments), ' +
        'each with oldText; plus existing names the new name would collide with. Edits in ' +
        'files linked from outside the workspace are dropped and named in skippedFiles.',
      inputSchema: renameInputShape,
    },
    (input, extra) =>
      runTool(
        async () => {
          const file = resolvePythonFile(context.root, input.file);
          const at = { file, line: input.line, column: input.column };
          const signal = context.signal(extra.signal);
          const { found, clashes } = await context.adapter.withEngine(
            async (workspace, engineSignal) => ({
              found: toTextEdits(
                await findRenameChanges(workspace, at, input.newName, engineSignal),
              ),
              clashes: await findRenameCollisions(workspace, at, input.newName, engineSignal),
            }),
            { signal },
          );
          const filter = createWorkspaceFileFilter(context.root);
          const edits = await keepWorkspaceItems(filter, found, (edit) => [edit.file]);
          const collisions = await keepWorkspaceItems(filter, clashes, (c) => [c.file]);
          const skipped = new Set([...edits.skippedFiles, ...collisions.skippedFiles]);
          return {
            edits: edits.kept,
            files: [...new Set(edits.kept.map((edit) => edit.file))],
            collisions: collisions.kept,
            ...toSkippedField([...skipped].sort()),
          };
        },
        undefined,
        context.replyLimits,
      ),
  );
}

/** Single-line edits as this tool has always reported them: `{file, line, column, length, …}`. */
function toTextEdits(changes: readonly EditFileChange[]) {
  return changes.flatMap((change) =>
    change.edits.map((edit) => ({
      file: change.file,
      line: edit.start[0],
      column: edit.start[1],
      length: edit.oldText.length,
      oldText: edit.oldText,
      newText: edit.newText,
    })),
  );
}
