import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  findImportersContract,
  importGraphContract,
  notifyFilesChangedContract,
} from '../../contracts/dependency-graph.js';
import { OrchestratorError } from '../../core/errors.js';
import type { ImportEdge, LanguageId } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { runTool } from '../shared/tool-result.js';
import { keepWorkspaceItems } from '../shared/workspace-file-filter.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import { languageOfFile } from './detect-languages.js';
import { findImporters } from './find-importers.js';
import type { ToolContext } from './tool-context.js';

/** Registers `import_graph`, `find_importers` and `notify_files_changed`. */
export function registerGraphTools(server: McpServer, context: ToolContext): void {
  const { root, registry, filter, replyLimits } = context;
  const graphOf = async (languages: LanguageId[], signal: AbortSignal): Promise<ImportEdge[]> => {
    const graphs = await Promise.all(
      languages.map((l) => registry.forLanguage(l).findImportGraph({ signal })),
    );
    const { kept } = await keepWorkspaceItems(filter, graphs.flat(), (e) => [e.from, e.to]);
    return kept.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
  };

  server.registerTool(
    importGraphContract.tool,
    {
      description: importGraphContract.description,
      inputSchema: importGraphContract.input,
      outputSchema: importGraphContract.output,
    },
    ({ language }, { signal }) =>
      runTool(
        async () => ({
          edges: await graphOf(await registry.languagesFor(language, { signal }), signal),
        }),
        importGraphContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    findImportersContract.tool,
    {
      description: findImportersContract.description,
      inputSchema: findImportersContract.input,
      outputSchema: findImportersContract.output,
    },
    ({ file, transitive }, { signal }) =>
      runTool(
        async () => {
          const { relative } = resolveWorkspacePath(root, file);
          const edges = await graphOf([languageOfFile(relative)], signal);
          return { importers: findImporters(edges, [relative], transitive === true) };
        },
        findImportersContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    notifyFilesChangedContract.tool,
    {
      description: notifyFilesChangedContract.description,
      inputSchema: notifyFilesChangedContract.input,
      outputSchema: notifyFilesChangedContract.output,
    },
    ({ files }, { signal }) =>
      runTool(
        async () => {
          // Deleted files are named too: check the paths' shape, not what is on disk.
          const relatives = files.map((file) => toRelativePath(root, file));
          return { languages: await registry.invalidate(relatives, { signal }) };
        },
        notifyFilesChangedContract.output,
        replyLimits,
      ),
  );
}

/** `file` as a normalised workspace-relative POSIX path; `PATH_OUTSIDE_WORKSPACE` when it leaves the root. */
function toRelativePath(root: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
  const normal = path.posix.normalize(relative.split(path.sep).join('/'));
  if (normal === '..' || normal.startsWith('../') || path.posix.isAbsolute(normal)) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `Path ${JSON.stringify(file)} is outside the workspace ${root}. Pass a path inside it.`,
      { data: { file, root } },
    );
  }
  return normal;
}
