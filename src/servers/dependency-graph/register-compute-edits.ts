import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { computeEditsContract } from '../../contracts/dependency-graph.js';
import { OrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import { sourceLanguageOf } from '../../core/source-language.js';
import { toIssueList } from '../../core/zod-issues.js';
import { LANGUAGE_HALVES } from '../../transforms/language-registry.js';
import { runTool } from '../shared/tool-result.js';
import { keepWorkspaceItems } from '../shared/workspace-file-filter.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import { toOverlay } from './to-overlay.js';
import type { ToolContext } from './tool-context.js';

/**
 * Registers `compute_edits`: the one tool through which every transform's language half runs,
 * its args checked by the transform's own schema. A change to a file whose real path lies
 * outside the workspace is refused, never dropped.
 */
export function registerComputeEdits(server: McpServer, context: ToolContext): void {
  server.registerTool(
    computeEditsContract.tool,
    {
      description: computeEditsContract.description,
      inputSchema: computeEditsContract.input,
      outputSchema: computeEditsContract.output,
    },
    (input, { signal }) =>
      runTool(
        async () => {
          const computed = await computeEdits(context, input, signal);
          await refuseLinkedOutFiles(context, computed);
          return { ...computed };
        },
        computeEditsContract.output,
        context.replyLimits,
      ),
  );
}

async function computeEdits(
  context: ToolContext,
  input: {
    transform: string;
    file: string;
    line?: number;
    column?: number;
    args: Record<string, unknown>;
    overlay?: Array<{ file: string; text: string | null }>;
  },
  signal: AbortSignal,
): Promise<ComputedEdits> {
  const half = LANGUAGE_HALVES[input.transform];
  if (half === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No transform "${input.transform}". Known: ${Object.keys(LANGUAGE_HALVES).join(', ')}.`,
      { data: { transform: input.transform } },
    );
  }
  const parsed = half.argsSchema.safeParse(input.args);
  if (!parsed.success) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `compute_edits args for "${input.transform}" are not valid:\n  ${toIssueList(parsed.error, 'args.').join('\n  ')}`,
      { data: { transform: input.transform } },
    );
  }
  const { relative } = resolveWorkspacePath(context.root, input.file);
  const target: TransformTarget = {
    file: relative,
    ...(input.line === undefined ? {} : { line: input.line }),
    ...(input.column === undefined ? {} : { column: input.column }),
  };
  const language = sourceLanguageOf(relative);
  const options = { signal, overlay: toOverlay(context.root, input.overlay) };
  if (language === 'python' && half.python) {
    const run = half.python;
    return context.registry
      .python()
      .withEngine((workspace, s) => run(workspace, target, parsed.data, s), options);
  }
  if (language === 'typescript' && half.typescript) {
    const run = half.typescript;
    return context.registry
      .typescript()
      .withEngine((project, s) => run(project, target, parsed.data, s), options);
  }
  throw new OrchestratorError(
    'BAD_INPUT',
    `"${input.transform}" cannot change ${relative}: ${language === undefined ? 'no language server reads this file' : `it has no ${language} half yet`}.`,
    { data: { transform: input.transform, file: relative } },
  );
}

async function refuseLinkedOutFiles(context: ToolContext, computed: ComputedEdits): Promise<void> {
  const paths = computed.changes.flatMap((c) => (c.op === 'move' ? [c.file, c.to] : [c.file]));
  const { skippedFiles } = await keepWorkspaceItems(context.filter, paths, (p) => [p]);
  if (skippedFiles.length > 0) {
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `The change would write ${skippedFiles.join(', ')}, whose real path is outside the workspace (a symbolic link). Nothing is written through a link out of the workspace.`,
      { data: { files: skippedFiles } },
    );
  }
}
