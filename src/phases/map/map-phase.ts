import { isOrchestratorError, OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { Phase, PhaseContext, PhaseOutcome } from '../../core/phase.js';
import { findPhaseSettings } from '../../core/phase.js';
import type { MapOutput, SourceReport, TextOccurrence } from '../../core/phase-outputs.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import type { DefinitionsResult, RipgrepSearchResult } from '../shared/tool-types.js';
import { cacheSlices, toSlices } from './cache-slices.js';

type SourceName = SourceReport['name'];

/**
 * MAP: ripgrep finds every whole-word occurrence of the name; then, in parallel,
 * dependency_graph finds its declarations (only in the languages ripgrep saw it in) and the
 * slices around the hits are cached and ranked against the command.
 */
export function createMapPhase(): Phase {
  return {
    name: 'map',
    async run(context: PhaseContext): Promise<PhaseOutcome> {
      const targets = new Set<SourceName>(
        findPhaseSettings(context.options, 'map')?.targets ?? ['ripgrep', 'dependency_graph'],
      );
      const name = context.intent.from;
      context.progress(`searching for "${name}" (${[...targets].join(', ')})`);
      // ripgrep first (tens of ms): the languages it finds the name in narrow the declaration
      // search, so a language server that cannot hold the symbol is never started.
      const occurrences = await timed('ripgrep', targets, async () => {
        const result = await context.tools.callTool<RipgrepSearchResult>(
          'ripgrep',
          'search',
          { pattern: name, literal: true, word: true },
          { signal: context.signal },
        );
        if (result.truncated) {
          throw new OrchestratorError(
            'BAD_INPUT',
            `"${name}" occurs too often to list every occurrence; narrow the command with "in <path>".`,
          );
        }
        return result.matches.map(
          (match): TextOccurrence => ({
            file: match.file,
            line: match.line,
            column: match.column,
            length: match.length,
            lineText: match.lineText,
          }),
        );
      });
      const found = occurrences.value ?? [];
      const [definitions, sliceStep] = await Promise.all([
        timed('dependency_graph', targets, async () => {
          const result = await context.tools.callTool<DefinitionsResult>(
            'dependency_graph',
            'find_definitions',
            { name, ...languageFilter(occurrences.value) },
            { signal: context.signal, timeoutMs: 120_000 },
          );
          return result.definitions;
        }),
        timed('slice_cache', context.cache ? targets : new Set(), async () => {
          const cache = context.cache as NonNullable<typeof context.cache>;
          return cacheSlices(cache, await toSlices(context.workspace, found), context.command);
        }),
      ]);
      if (definitions.report.status !== 'ok' && occurrences.report.status !== 'ok') {
        throw new OrchestratorError(
          'MCP_SERVER_UNAVAILABLE',
          `MAP found no source to search: ripgrep ${describe(occurrences.report)}, dependency_graph ${describe(definitions.report)}.`,
          { retryable: true },
        );
      }
      const sources = [occurrences.report, definitions.report, sliceStep.report];
      for (const source of sources) {
        if (source.status === 'failed') {
          context.warn(`MAP: ${source.name} failed (${source.error}); going on without it.`);
        }
      }
      const output: MapOutput = {
        name,
        occurrences: found,
        definitions: sortDefinitions(definitions.value ?? []),
        slices: sliceStep.value?.refs ?? [],
        similarFiles: sliceStep.value?.similarFiles ?? [],
        sources,
      };
      context.state.map = output;
      return {
        success: true,
        data: {
          occurrences: found.length,
          files: new Set(found.map((o) => o.file)).size,
          definitions: output.definitions.length,
          slices: output.slices.length,
          cachedSlices: output.slices.filter((slice) => slice.cached).length,
          similarFiles: output.similarFiles,
          sources,
        },
        contextPack: toContextPack(output),
      };
    },
  };
}

async function timed<T>(
  name: SourceName,
  targets: ReadonlySet<SourceName>,
  body: () => Promise<T>,
): Promise<{ value?: T; report: SourceReport }> {
  if (!targets.has(name)) return { report: { name, status: 'skipped', durationMs: 0, items: 0 } };
  const started = performance.now();
  try {
    const value = await body();
    const items = Array.isArray(value) ? value.length : 1;
    return { value, report: { name, status: 'ok', durationMs: elapsed(started), items } };
  } catch (error) {
    if (isOrchestratorError(error, 'BAD_INPUT')) throw error;
    return {
      report: {
        name,
        status: 'failed',
        durationMs: elapsed(started),
        items: 0,
        error: toErrorMessage(error),
      },
    };
  }
}

/** `{language}` when every text hit is in files of one language; no filter otherwise. */
function languageFilter(occurrences: readonly TextOccurrence[] | undefined): {
  language?: 'python' | 'typescript';
} {
  if (!occurrences || occurrences.length === 0) return {};
  const python = occurrences.filter((o) => /\.pyi?$/.test(o.file)).length;
  if (python === occurrences.length) return { language: 'python' };
  if (python === 0) return { language: 'typescript' };
  return {};
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describe(report: SourceReport): string {
  return report.status === 'failed' ? `failed (${report.error})` : report.status;
}

function sortDefinitions(definitions: SymbolDefinition[]): SymbolDefinition[] {
  return [...definitions].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

function toContextPack(output: MapOutput): string {
  const lines = [`# MAP: ${output.name}`, '## Definitions'];
  for (const d of output.definitions)
    lines.push(`${d.file}:${d.line}:${d.column} ${d.kind} ${d.name}`);
  lines.push('## Occurrences');
  for (const o of output.occurrences) lines.push(`${o.file}:${o.line}: ${o.lineText.trim()}`);
  return lines.join('\n');
}
