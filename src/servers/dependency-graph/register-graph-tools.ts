import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ImportEdge, LanguageId } from '../../core/source-types.js';
import { runTool } from '../shared/tool-result.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import { languageOfFile } from './detect-languages.js';
import { findImporters } from './find-importers.js';
import type { ToolContext } from './tool-context.js';
import { importEdgeSchema, languageSchema } from './tool-schemas.js';

const IMPORT_GRAPH_OUTPUT = { edges: z.array(importEdgeSchema) };
const FIND_IMPORTERS_OUTPUT = { importers: z.array(z.string()) };

/** Registers `import_graph` and `find_importers`. */
export function registerGraphTools(server: McpServer, context: ToolContext): void {
  const { root, registry } = context;
  const graphOf = async (languages: LanguageId[], signal: AbortSignal): Promise<ImportEdge[]> => {
    const graphs = await Promise.all(
      languages.map((l) => registry.forLanguage(l).findImportGraph({ signal })),
    );
    return graphs.flat().sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
  };

  server.registerTool(
    'import_graph',
    {
      description:
        'The import graph between workspace files (imports, re-exports, require, import()), ' +
        'edges `from` → `to` with the imported names, sorted by from, to.',
      inputSchema: { language: languageSchema },
      outputSchema: IMPORT_GRAPH_OUTPUT,
    },
    ({ language }, { signal }) =>
      runTool(
        async () => ({
          edges: await graphOf(await registry.languagesFor(language, { signal }), signal),
        }),
        IMPORT_GRAPH_OUTPUT,
      ),
  );

  server.registerTool(
    'find_importers',
    {
      description:
        'Workspace files that import `file` directly, or through any chain of imports when ' +
        '`transitive` is true; sorted.',
      inputSchema: {
        file: z.string().min(1).describe('Workspace-relative path of the imported file.'),
        transitive: z.boolean().optional().describe('Follow imports of importers. Default false.'),
      },
      outputSchema: FIND_IMPORTERS_OUTPUT,
    },
    ({ file, transitive }, { signal }) =>
      runTool(async () => {
        const { relative } = resolveWorkspacePath(root, file);
        const edges = await graphOf([languageOfFile(relative)], signal);
        return { importers: findImporters(edges, relative, transitive === true) };
      }, FIND_IMPORTERS_OUTPUT),
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
