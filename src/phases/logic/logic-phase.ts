import type { FileChange } from '../../core/change/change-types.js';
import { toErrorMessage } from '../../core/errors.js';
import type { Phase, PhaseContext } from '../../core/phase.js';
import type { LogicOutput, MapOutput } from '../../core/phase-outputs.js';
import type { ImportEdge, LanguageId } from '../../core/source-types.js';
import { transformFor } from '../../transforms/registry.js';
import { requireUpstream } from '../shared/require-upstream.js';
import { toAffectedClosure } from './affected-closure.js';
import { refuseDirtyChanges, refuseForeignChanges } from './guard-changes.js';
import { sortChanges, toChangedFiles } from './sort-changes.js';
import { warnUnmergedChanges } from './warn-unmerged-changes.js';

/**
 * LOGIC: the transform resolves what the command means and computes the exact change (or
 * refuses); then, whatever the transform, the change is checked (only files git tracks, none
 * with uncommitted changes, nothing the transform may not write) and its import closure built.
 */
export function createLogicPhase(): Phase<'logic'> {
  return {
    name: 'logic',
    async run(context, upstream) {
      const map = requireUpstream(upstream, 'map', 'LOGIC');
      const { signal } = context;
      const transform = transformFor(context.intent.kind);
      const early = startImportGraph(context, map);
      const tracked = await context.git.trackedFiles(context.baseCommit, { signal });
      const analysis = await transform.analyze(context.intent, {
        map,
        graph: context.graph,
        search: context.search,
        git: context.git,
        baseCommit: context.baseCommit,
        tracked,
        files: context.files,
        allowUnresolved: context.options.allowUnresolved,
        signal,
        warn: context.warn,
        progress: context.progress,
      });
      const changes = sortChanges(analysis.changes);
      refuseForeignChanges(transform, context.intent, changes);
      const changedFiles = toChangedFiles(changes);
      await refuseDirtyChanges(context, changedFiles);
      await warnUnmergedChanges(
        context,
        analysis.targets.map((t) => t.name),
      );
      const importEdges = await importGraphOf(
        context,
        early?.language === analysis.language
          ? early.answer
          : askImportGraph(context, analysis.language),
      );
      const output: LogicOutput = {
        ...analysis,
        changes,
        changedFiles,
        affectedFiles: toAffectedClosure(changedFiles, importEdges ?? []),
        importEdges: importEdges ?? [],
      };
      const edits = countEdits(changes);
      return {
        success: true,
        output,
        data: {
          title: analysis.title,
          targets: analysis.targets.map(
            (t) => `${t.kind} ${t.name} at ${t.file}:${t.line}:${t.column}`,
          ),
          language: analysis.language,
          edits,
          changedFiles: changedFiles.length,
          leftAlone: analysis.leftAlone.length,
          importEdges: output.importEdges.length,
          affectedFiles: output.affectedFiles.length,
        },
        contextPack: toContextPack(output),
      };
    },
  };
}

/** The import graph, or why it could not be had (warned where it is used, in a fixed order). */
type ImportGraphAnswer = { edges: ImportEdge[] } | { error: unknown };

/**
 * Asks for the import graph while the transform analyses, when MAP's declarations are all in
 * one language (the language the analysis nearly always settles on): the two then overlap in
 * dependency_graph (a Python graph while pyright renames; a TypeScript one queued behind the
 * program the rename builds anyway) instead of the graph waiting for the analysis.
 */
function startImportGraph(
  context: PhaseContext,
  map: MapOutput,
): { language: LanguageId; answer: Promise<ImportGraphAnswer> } | undefined {
  const languages = [
    ...new Set(Object.values(map.definitions).flatMap((found) => found.map((d) => d.language))),
  ];
  const [language] = languages;
  if (language === undefined || languages.length > 1) return undefined;
  return { language, answer: askImportGraph(context, language) };
}

function askImportGraph(context: PhaseContext, language: LanguageId): Promise<ImportGraphAnswer> {
  return context.graph.importGraph({ language, signal: context.signal }).then(
    (edges) => ({ edges }),
    (error: unknown) => ({ error }),
  );
}

/** The import graph for the risk estimate; without it the estimate is coarser, not wrong. */
async function importGraphOf(
  context: PhaseContext,
  answer: Promise<ImportGraphAnswer>,
): Promise<ImportEdge[] | undefined> {
  const got = await answer;
  if ('edges' in got) return got.edges;
  if (context.signal.aborted) throw got.error;
  context.warn(
    `LOGIC: import graph unavailable (${toErrorMessage(got.error)}); the risk estimate is coarser.`,
  );
  return undefined;
}

function countEdits(changes: readonly FileChange[]): number {
  return changes.reduce((sum, change) => sum + (change.op === 'edit' ? change.edits.length : 1), 0);
}

function toContextPack(output: LogicOutput): string {
  const lines = [`# LOGIC: ${output.title} (${output.language})`, ...output.summary, '## Changes'];
  for (const change of output.changes) {
    if (change.op === 'edit') {
      for (const e of change.edits) {
        lines.push(
          `${change.file}:${e.start[0]}:${e.start[1]} ${e.oldText} → ${e.newText} (${e.reason})`,
        );
      }
    } else {
      lines.push(`${change.op} ${change.file}${change.op === 'move' ? ` → ${change.to}` : ''}`);
    }
  }
  lines.push('## Imports', ...output.importEdges.map((e) => `${e.from} → ${e.to}`));
  return lines.join('\n');
}
