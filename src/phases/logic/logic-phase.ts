import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { Phase, PhaseContext, PhaseOutcome } from '../../core/phase.js';
import type { LogicOutput } from '../../core/phase-outputs.js';
import type { CallSite, ImportEdge, TextEdit } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import type {
  CallersResult,
  CheckRenameResult,
  DefinitionsResult,
  ImportGraphResult,
  ReferencesResult,
  RenameLocationsResult,
} from '../shared/tool-types.js';
import { toAffectedClosure } from './affected-closure.js';
import {
  toCertaintyByFile,
  toExcludedOccurrences,
  toRemainingByFile,
} from './classify-occurrences.js';
import { keepTrackedEdits, refuseDirtyEdits } from './guard-edit-files.js';
import { resolveTarget } from './resolve-target.js';

const ANALYSIS_TIMEOUT_MS = 180_000;

/**
 * LOGIC: resolves the one symbol the command means, asks the language server for the exact
 * rename edits (cross-checked against its references), refuses collisions, and builds the
 * affected call/import graph.
 */
export function createLogicPhase(): Phase {
  return {
    name: 'logic',
    async run(context: PhaseContext): Promise<PhaseOutcome> {
      const map = context.state.map;
      if (!map) throw new OrchestratorError('INTERNAL', 'LOGIC needs the MAP result.');
      const { intent, tools, signal } = context;
      const searched = map.sources.find((source) => source.name === 'dependency_graph');
      if (searched?.status === 'failed') {
        throw new OrchestratorError(
          'MCP_SERVER_UNAVAILABLE',
          `dependency_graph could not search for declarations of "${intent.from}" (${searched.error}); without it nothing can be renamed safely.`,
          { data: { server: 'dependency_graph' } },
        );
      }
      // MAP may have been told to skip dependency_graph; the declarations are needed all the same.
      const declared =
        searched?.status === 'skipped'
          ? (
              await tools.callTool<DefinitionsResult>(
                'dependency_graph',
                'find_definitions',
                { name: intent.from },
                { signal, timeoutMs: ANALYSIS_TIMEOUT_MS },
              )
            ).definitions
          : map.definitions;
      // Declarations in files git does not track (build output, a vendored copy) are not candidates.
      const tracked = await context.git.trackedFiles(context.baseCommit, { signal });
      const definitions = declared.filter((d) => tracked.has(d.file));
      const target = await resolveTarget(intent, definitions, tools, signal);
      intent.language = target.language;
      context.progress(`resolving ${target.kind} ${target.name} at ${target.file}:${target.line}`);
      const at = { file: target.file, line: target.line, column: target.column };
      const call = <T>(tool: string, args: Record<string, unknown>): Promise<T> =>
        tools.callTool<T>('dependency_graph', tool, args, {
          signal,
          timeoutMs: ANALYSIS_TIMEOUT_MS,
        });
      // Independent questions, asked at once; a collision is reported once all have answered.
      const [check, { edits }, { references }, callers, importEdges] = await Promise.all([
        call<CheckRenameResult>('check_rename', { ...at, newName: intent.to }),
        call<RenameLocationsResult>('rename_locations', { ...at, newName: intent.to }),
        call<ReferencesResult>('find_references', at),
        optional(
          context,
          'callers',
          async () => (await call<CallersResult>('find_callers', at)).callers,
        ),
        optional(
          context,
          'import graph',
          async () =>
            (await call<ImportGraphResult>('import_graph', { language: target.language })).edges,
        ),
      ]);
      if (check.collisions.length > 0) {
        const list = check.collisions.map((c) => `${c.file}:${c.line} ${c.name} (${c.reason})`);
        throw new OrchestratorError(
          'NAME_COLLISION',
          `Renaming "${intent.from}" to "${intent.to}" would collide with an existing name:\n  ${list.join('\n  ')}\nPick another name.`,
          { data: { symbol: intent.from, newName: intent.to, collisions: list } },
        );
      }
      if (edits.length === 0) {
        throw new OrchestratorError(
          'SYMBOL_NOT_FOUND',
          `The language server found nothing to rename for "${intent.from}" at ${target.file}:${target.line}.`,
          { data: { symbol: intent.from } },
        );
      }
      const sortedEdits = keepTrackedEdits(context, tracked, sortEdits(edits));
      const editedFiles = [...new Set(sortedEdits.map((e) => e.file))];
      await refuseDirtyEdits(context, editedFiles);
      const excluded = toExcludedOccurrences(map.occurrences, sortedEdits, references);
      const remainingByFile = toRemainingByFile(
        intent.from,
        await context.git.countWholeWord(intent.from, { revision: context.baseCommit }, { signal }),
        sortedEdits,
      );
      const output: LogicOutput = {
        target,
        language: target.language,
        edits: sortedEdits,
        references,
        callers: callers ?? [],
        importEdges: importEdges ?? [],
        editedFiles,
        affectedFiles: toAffectedClosure(editedFiles, importEdges ?? []),
        excluded,
        remainingByFile,
        certaintyByFile: toCertaintyByFile(sortedEdits, references),
      };
      context.state.logic = output;
      return {
        success: true,
        data: {
          target: `${target.file}:${target.line}:${target.column}`,
          kind: target.kind,
          language: target.language,
          edits: sortedEdits.length,
          editedFiles: editedFiles.length,
          references: references.length,
          callers: output.callers.length,
          importEdges: output.importEdges.length,
          affectedFiles: output.affectedFiles.length,
          excludedOccurrences: excluded.length,
        },
        contextPack: toContextPack(output, intent.to),
      };
    },
  };
}

async function optional<T>(
  context: PhaseContext,
  what: string,
  body: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    if (context.signal.aborted) throw error;
    context.warn(
      `LOGIC: ${what} unavailable (${toErrorMessage(error)}); the risk estimate is coarser.`,
    );
    return undefined;
  }
}

function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

function toContextPack(output: LogicOutput, newName: string): string {
  const lines = [
    `# LOGIC: ${output.target.kind} ${output.target.name} → ${newName} (${output.language})`,
    '## Edits',
    ...output.edits.map((e) => `${e.file}:${e.line}:${e.column} ${e.oldText} → ${e.newText}`),
    '## Callers',
    ...output.callers.map((c: CallSite) => `${c.file}:${c.line} in ${c.callerName}`),
    '## Imports',
    ...output.importEdges.map((e: ImportEdge) => `${e.from} → ${e.to}`),
  ];
  return lines.join('\n');
}
