import { isOrchestratorError, OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { Phase } from '../../core/phase.js';
import type { MapOutput, SourceReport, TextOccurrence } from '../../core/phase-outputs.js';
import type { TextSearch } from '../../core/services.js';
import { sourceLanguageOf } from '../../core/source-language.js';
import type { LanguageId, SkippedSource, SymbolDefinition } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { transformFor } from '../../transforms/registry.js';
import { refuseUndeclared } from '../../transforms/shared/resolve-symbol.js';
import type { SearchRequest } from '../../transforms/transform.js';
import { findPhaseSettings } from '../phase-settings.js';
import { cacheSlices, toSlices } from './cache-slices.js';
import type { MapSource } from './map-settings.js';

/**
 * MAP: asks the transform what to look for, then ripgrep finds every whole-word occurrence of
 * its words and, in parallel, dependency_graph finds the declarations of its names (only in
 * the languages ripgrep saw them in) and the slices around the hits are cached and ranked
 * against the command.
 */
export function createMapPhase(): Phase<'map'> {
  return {
    name: 'map',
    async run(context) {
      const targets = new Set<MapSource>(findPhaseSettings(context.options, 'map').targets);
      const tracked = await context.git.trackedFiles(context.baseCommit, {
        signal: context.signal,
      });
      const request = transformFor(context.intent.kind).search(context.intent, {
        trackedFiles: [...tracked].sort(compareText),
      });
      const words = [
        ...request.words,
        ...request.declarations.filter((n) => !request.words.includes(n)),
      ];
      context.progress(
        `searching for ${words.map((w) => `"${w}"`).join(', ') || request.files.join(', ')} (${[...targets].join(', ')})`,
      );
      const skipped = new Map<string, string>();
      const onSkipped = (files: readonly SkippedSource[]) => {
        for (const { file, reason } of files) skipped.set(file, reason);
      };
      const lookUp = (name: string, language: LanguageId | undefined) =>
        context.graph
          .definitions(name, {
            signal: context.signal,
            onSkipped,
            ...(language ? { language } : {}),
          })
          .then(sortDefinitions);
      // The languages ripgrep finds a name in narrow the declaration search, so a language
      // server that cannot hold the symbol is never started. When the tracked sources are all
      // of one language, that is the only narrowing ripgrep can bring: the search starts now,
      // beside ripgrep, and is kept when ripgrep's narrowing agrees (asked again otherwise).
      const onlyLanguage =
        request.declarations.length > 0 && targets.has('dependency_graph') && targets.has('ripgrep')
          ? soleSourceLanguage(tracked)
          : undefined;
      const earlyStartedAt = performance.now();
      const early = new Map(
        onlyLanguage === undefined
          ? []
          : request.declarations.map((name) => {
              const found = lookUp(name, onlyLanguage);
              found.catch(() => {});
              return [name, found] as const;
            }),
      );
      const occurrences = await timed('ripgrep', targets, countLists, async () => {
        const found = await Promise.all(
          request.words.map(
            async (word) =>
              [word, await context.search.findWord(word, { signal: context.signal })] as const,
          ),
        );
        return Object.fromEntries(found);
      });
      const hits = Object.values(occurrences.value ?? {}).flat();
      // Ended when MAP refuses early, so the slices stop being read and cached.
      const slicing = new AbortController();
      const sliceSignal = AbortSignal.any([context.signal, slicing.signal]);
      const [definitions, sliceStep] = await Promise.all([
        timed(
          'dependency_graph',
          request.declarations.length > 0 ? targets : new Set(),
          countLists,
          async () => {
            const found = await Promise.all(
              request.declarations.map(async (name) => {
                const language = languageFilter(occurrences.value?.[name]);
                const started = early.get(name);
                const list =
                  started !== undefined && language === onlyLanguage
                    ? await started
                    : await lookUp(name, language);
                return [name, list] as const;
              }),
            );
            return Object.fromEntries(found);
          },
          early.size > 0 ? earlyStartedAt : undefined,
        ).then(async (step) => {
          // An undeclared symbol stops MAP here, without waiting for the slices.
          try {
            await refuseUndeclaredSymbols(request, step.value, tracked, context);
          } catch (error) {
            slicing.abort(error);
            throw error;
          }
          return step;
        }),
        timed(
          'slice_cache',
          context.cache ? targets : new Set(),
          (value) => value.refs.length,
          async () => {
            const cache = context.cache as NonNullable<typeof context.cache>;
            const slices = await toSlices(context.files, hits, sliceSignal);
            return cacheSlices(cache, slices, context.command, sliceSignal);
          },
        ),
      ]);
      refuseWhenBlind(request, occurrences.report, definitions.report);
      if (skipped.size > 0) context.warn(describeSkipped(skipped));
      const sources = [occurrences.report, definitions.report, sliceStep.report];
      for (const source of sources) {
        if (source.status === 'failed') {
          context.warn(`MAP: ${source.name} failed (${source.error}); going on without it.`);
        }
      }
      const output: MapOutput = {
        occurrences: occurrences.value ?? {},
        definitions: definitions.value ?? {},
        files: request.files,
        slices: sliceStep.value?.refs ?? [],
        similarFiles: sliceStep.value?.similarFiles ?? [],
        sources,
      };
      return {
        success: true,
        output,
        data: {
          occurrences: hits.length,
          files: new Set(hits.map((o) => o.file)).size,
          definitions: Object.values(output.definitions).flat().length,
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

/**
 * Without declarations nothing can be changed safely: a failed declaration search is fatal.
 * With neither source answering, the run may retry.
 */
function refuseWhenBlind(
  request: SearchRequest,
  text: SourceReport,
  declarations: SourceReport,
): void {
  if (request.declarations.length > 0 && declarations.status === 'failed') {
    throw new OrchestratorError(
      'MCP_SERVER_UNAVAILABLE',
      `dependency_graph could not search for declarations of ${request.declarations.map((n) => `"${n}"`).join(', ')} (${declarations.error}); without it nothing can be changed safely.`,
      { data: { server: 'dependency_graph' } },
    );
  }
  if (request.words.length > 0 && text.status === 'failed' && declarations.status !== 'ok') {
    throw new OrchestratorError(
      'MCP_SERVER_UNAVAILABLE',
      `MAP found no source to search: ripgrep failed (${text.error}), dependency_graph ${declarations.status}.`,
      { retryable: true },
    );
  }
}

/**
 * The `SYMBOL_NOT_FOUND` LOGIC would give, for the first symbol the transform resolves that has
 * no declaration in a tracked file; nothing when the declaration search did not answer.
 */
async function refuseUndeclaredSymbols(
  request: SearchRequest,
  found: Readonly<Record<string, readonly SymbolDefinition[]>> | undefined,
  tracked: ReadonlySet<string>,
  context: { search: TextSearch; signal: AbortSignal },
): Promise<void> {
  if (found === undefined) return;
  for (const query of request.symbols ?? []) {
    const declared = found[query.name];
    if (declared === undefined) continue;
    await refuseUndeclared(
      query,
      declared.filter((d) => tracked.has(d.file)),
      context,
    );
  }
}

type Timed<T> = { value?: T; report: SourceReport };

/** Runs one source when `targets` names it; `count` says how many items its value holds. */
async function timed<T>(
  name: MapSource,
  targets: ReadonlySet<MapSource>,
  count: (value: T) => number,
  body: () => Promise<T>,
  /** When the source's work began, if before this call (a search started beside another). */
  startedAt?: number,
): Promise<Timed<T>> {
  if (!targets.has(name)) return { report: { name, status: 'skipped', durationMs: 0, items: 0 } };
  const started = startedAt ?? performance.now();
  try {
    const value = await body();
    const items = count(value);
    return { value, report: { name, status: 'ok', durationMs: elapsed(started), items } };
  } catch (error) {
    if (isOrchestratorError(error, 'BAD_INPUT') || isOrchestratorError(error, 'CANCELLED'))
      throw error;
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

/** The warning for the files the declaration search left out: each file and why. */
function describeSkipped(skipped: ReadonlyMap<string, string>): string {
  const files = [...skipped].sort(([a], [b]) => compareText(a, b));
  return `MAP: ${files.length} file(s) not parsed for declarations nor analysed (bounded work per file): ${files.map(([file, reason]) => `${file} (${reason})`).join('; ')}.`;
}

/** The one language of the tracked source files, or undefined when there are both or neither. */
function soleSourceLanguage(tracked: ReadonlySet<string>): LanguageId | undefined {
  let sole: LanguageId | undefined;
  for (const file of tracked) {
    const language = sourceLanguageOf(file);
    if (language === undefined || language === sole) continue;
    if (sole !== undefined) return undefined;
    sole = language;
  }
  return sole;
}

/** The one language of the text hits, when they are all in files of one language. */
function languageFilter(
  occurrences: readonly TextOccurrence[] | undefined,
): LanguageId | undefined {
  if (!occurrences || occurrences.length === 0) return undefined;
  const python = occurrences.filter((o) => /\.pyi?$/.test(o.file)).length;
  if (python === occurrences.length) return 'python';
  if (python === 0) return 'typescript';
  return undefined;
}

/** Items of a by-name record of lists: every entry of every list. */
function countLists(value: Readonly<Record<string, readonly unknown[]>>): number {
  return Object.values(value).reduce((n, list) => n + list.length, 0);
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function sortDefinitions(definitions: readonly SymbolDefinition[]): SymbolDefinition[] {
  return [...definitions].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

function toContextPack(output: MapOutput): string {
  const lines = ['# MAP'];
  for (const [name, list] of Object.entries(output.definitions)) {
    lines.push(`## Definitions of ${name}`);
    for (const d of list) lines.push(`${d.file}:${d.line}:${d.column} ${d.kind} ${d.name}`);
  }
  for (const [word, list] of Object.entries(output.occurrences)) {
    lines.push(`## Occurrences of ${word}`);
    for (const o of list) lines.push(`${o.file}:${o.line}: ${o.lineText.trim()}`);
  }
  if (output.files.length > 0) lines.push('## Files', ...output.files);
  return lines.join('\n');
}
