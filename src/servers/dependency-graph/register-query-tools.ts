import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  classifyPositionsContract,
  findCallersContract,
  findDefinitionsContract,
  findReferencesContract,
} from '../../contracts/dependency-graph.js';
import type { PositionClass } from '../../core/services.js';
import { sourceLanguageOf } from '../../core/source-language.js';
import type { LanguageId, SourcePosition } from '../../core/source-types.js';
import { oversizedSourceReason } from '../../files/oversized-source.js';
import { clipLineText } from '../shared/clip-line-text.js';
import { runTool } from '../shared/tool-result.js';
import { keepWorkspaceItems } from '../shared/workspace-file-filter.js';
import { comparePositions, type ToolContext, toSourcePosition } from './tool-context.js';

/**
 * Registers the symbol queries `find_definitions`, `find_references`, `find_callers` and
 * `classify_positions`. Position tools go to the adapter of the file's language. Results in
 * files whose real path is outside the workspace are dropped and named in `skippedFiles`.
 */
export function registerQueryTools(server: McpServer, context: ToolContext): void {
  const { root, registry, filter, replyLimits } = context;

  server.registerTool(
    findDefinitionsContract.tool,
    {
      description: findDefinitionsContract.description,
      inputSchema: findDefinitionsContract.input,
      outputSchema: findDefinitionsContract.output,
    },
    ({ name, language }, { signal }) =>
      runTool(
        async () => {
          const languages = await registry.languagesFor(language, { signal });
          const skipped: Array<{ file: string; reason: string }> = [];
          const onSkipped = (files: typeof skipped) => skipped.push(...files);
          const found = await Promise.all(
            languages.map((l) =>
              registry.forLanguage(l).findDefinitions(name, { signal, onSkipped }),
            ),
          );
          // Declarations usually come before questions about them: start the engines of the
          // languages that declare the name now, a moment after the answer is on its way
          // (building a TypeScript program holds this process's one thread for seconds). A
          // name declared nowhere is refused next: starting pyright for it cost the refusal
          // the engine's start and stop.
          const declaring = languages.filter((_, index) => (found[index]?.length ?? 0) > 0);
          setTimeout(() => {
            for (const l of declaring) {
              if (registry.isClosed()) return;
              void registry
                .forLanguage(l)
                .prepare?.()
                .catch(() => {});
            }
          }, 20).unref();
          const { kept } = await keepWorkspaceItems(filter, found.flat(), (d) => [d.file]);
          skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
          return {
            definitions: kept.sort(comparePositions),
            ...(skipped.length > 0 ? { skipped } : {}),
          };
        },
        findDefinitionsContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    findReferencesContract.tool,
    {
      description: findReferencesContract.description,
      inputSchema: findReferencesContract.input,
      outputSchema: findReferencesContract.output,
    },
    (input, { signal }) =>
      runTool(
        async () => {
          const at = toSourcePosition(root, input);
          const found = await registry.forFile(at.file).findReferences(at, { signal });
          const { kept } = await keepWorkspaceItems(filter, found, (r) => [r.file]);
          return {
            references: kept.map((r) => ({
              ...r,
              lineText: clipLineText(r.lineText, r.column, r.length).lineText,
            })),
          };
        },
        findReferencesContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    findCallersContract.tool,
    {
      description: findCallersContract.description,
      inputSchema: findCallersContract.input,
      outputSchema: findCallersContract.output,
    },
    (input, { signal }) =>
      runTool(
        async () => {
          const at = toSourcePosition(root, input);
          const found = await registry.forFile(at.file).findCallers(at, { signal });
          const { kept } = await keepWorkspaceItems(filter, found, (c) => [c.file, c.callerFile]);
          return { callers: kept };
        },
        findCallersContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    classifyPositionsContract.tool,
    {
      description: classifyPositionsContract.description,
      inputSchema: classifyPositionsContract.input,
      outputSchema: classifyPositionsContract.output,
    },
    ({ positions }, { signal }) =>
      runTool(
        async () => ({
          positions: await classifyAll(
            context,
            positions.map((p) => toSourcePosition(root, p)),
            signal,
          ),
        }),
        classifyPositionsContract.output,
        replyLimits,
      ),
  );
}

/** Classifies positions language by language, keeping the order given. */
async function classifyAll(
  context: ToolContext,
  positions: readonly SourcePosition[],
  signal: AbortSignal,
): Promise<PositionClass[]> {
  const result: PositionClass[] = positions.map((p) => ({ ...p, kind: 'text' }));
  const byLanguage = new Map<LanguageId, number[]>();
  // A file too large, minified or generated to parse is read by no language server: text.
  const oversized = await oversizedFiles(context.root, positions);
  positions.forEach((p, index) => {
    const language = sourceLanguageOf(p.file);
    if (language === undefined || oversized.has(p.file)) return;
    const indexes = byLanguage.get(language);
    if (indexes === undefined) byLanguage.set(language, [index]);
    else indexes.push(index);
  });
  for (const [language, indexes] of byLanguage) {
    const classes = await context.registry.forLanguage(language).classifyPositions(
      indexes.map((i) => positions[i] as SourcePosition),
      { signal },
    );
    const { skippedFiles } = await keepWorkspaceItems(
      context.filter,
      classes.flatMap((c) => (c.declaration ? [c.declaration] : [])),
      (d) => [d.file],
    );
    const outside = new Set(skippedFiles);
    classes.forEach((entry, k) => {
      const declaration = entry.declaration;
      if (declaration === undefined || !outside.has(declaration.file)) {
        result[indexes[k] as number] = entry;
        return;
      }
      const { declaration: _linkedOut, ...rest } = entry;
      result[indexes[k] as number] = { ...rest, externalDeclaration: declaration.file };
    });
  }
  return result;
}

/** The files of `positions` that {@link oversizedSourceReason} leaves out of parsing. */
async function oversizedFiles(
  root: string,
  positions: readonly SourcePosition[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of new Set(positions.map((p) => p.file))) {
    const fileName = path.join(root, ...file.split('/'));
    const info = await stat(fileName).catch(() => undefined);
    if (info && (await oversizedSourceReason(fileName, info.size, info.mtimeMs)) !== undefined)
      found.add(file);
  }
  return found;
}
