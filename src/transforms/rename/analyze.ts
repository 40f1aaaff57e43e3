import type { FileChange, RangeEdit } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { WordPosition } from '../../core/services.js';
import type { SymbolReference } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { parseFacts } from '../parse-facts.js';
import { createChoiceLog, resolveSymbol } from '../shared/resolve-symbol.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import {
  classifyLeftAlone,
  isCoveredByEdits,
  type UnresolvedOccurrence,
} from './classify-left-alone.js';
import { renameFactsSchema } from './contract.js';
import type { RenameIntent } from './intent.js';
import { toSymbolQuery } from './symbol-query.js';
import { toWordPositionsCheck } from './word-positions.js';

/**
 * Rename's LOGIC: the one symbol meant, the language server's edits (refused on a collision),
 * and every other occurrence of the old name accounted for — left alone as a comment, a string
 * or another symbol, or refused as unresolved unless the run allows it.
 */
export async function analyzeRename(
  intent: RenameIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const { graph, signal } = context;
  const declared =
    context.map.definitions[intent.from] ?? (await graph.definitions(intent.from, { signal }));
  // Declarations in files git does not track (build output, a vendored copy) are not candidates.
  const definitions = declared.filter((d) => context.tracked.has(d.file));
  const choices = createChoiceLog(context.warn);
  const target = await resolveSymbol(toSymbolQuery(intent), definitions, {
    graph,
    search: context.search,
    signal,
    onChoice: choices.onChoice,
  });
  context.progress(`resolving ${target.kind} ${target.name} at ${target.file}:${target.line}`);
  const computed = await graph.computeEdits('rename', target, { newName: intent.to }, { signal });
  const facts = parseFacts('rename', renameFactsSchema, computed.facts);
  if (facts.collisions.length > 0) {
    const list = facts.collisions.map((c) => `${c.file}:${c.line} ${c.name} (${c.reason})`);
    throw new OrchestratorError(
      'NAME_COLLISION',
      `Renaming "${intent.from}" to "${intent.to}" would collide with an existing name:\n  ${list.join('\n  ')}\nPick another name.`,
      { data: { symbol: intent.from, newName: intent.to, collisions: list } },
    );
  }
  const changes = computed.changes.filter((change) => context.tracked.has(change.file));
  warnUntracked(context, computed.changes, changes);
  if (changes.length === 0) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `The language server found nothing to rename for "${intent.from}" at ${target.file}:${target.line}.`,
      { data: { symbol: intent.from } },
    );
  }
  const occurrences = await findBaseOccurrences(intent.from, context);
  const editsByFile = new Map(
    changes.flatMap(
      (c): Array<[string, RangeEdit[]]> => (c.op === 'edit' ? [[c.file, c.edits]] : []),
    ),
  );
  const leftover = occurrences.filter(
    (o) => !isCoveredByEdits(o, intent.from.length, editsByFile.get(o.file) ?? []),
  );
  const classes = leftover.length === 0 ? [] : await graph.classify(leftover, { signal });
  const { leftAlone, unresolved } = classifyLeftAlone(
    intent.from,
    target,
    leftover,
    classes,
    definitions,
  );
  if (unresolved.length > 0 && !context.allowUnresolved) throw unresolvedError(intent, unresolved);
  for (const occurrence of unresolved) {
    leftAlone.push({
      file: occurrence.file,
      line: occurrence.line,
      column: occurrence.column,
      length: intent.from.length,
      reason: 'unresolved',
      detail: `kept by --allow-unresolved: ${occurrence.why}`,
    });
  }
  leftAlone.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
  const editCount = changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 0), 0);
  return {
    language: target.language,
    targets: [target],
    changes,
    leftAlone,
    verify: [toWordPositionsCheck(intent.from, changes, leftAlone)],
    riskNames: [intent.from],
    certaintyByFile: toCertaintyByFile(changes, facts.references),
    details: choices.details(),
    title: `Rename ${intent.from} to ${intent.to}`,
    summary: [
      `${target.kind} ${target.name} at ${target.file}:${target.line}:${target.column} → ${intent.to} (${target.language})`,
      `${editCount} edits in ${changes.length} files; ${leftAlone.length} occurrences left alone`,
      ...leftAlone.map(
        (o) => `left alone ${o.file}:${o.line}:${o.column} (${o.reason}: ${o.detail})`,
      ),
    ],
  };
}

/**
 * Occurrences of the word at the base commit. In a file with uncommitted changes they must be
 * where the checkout has them too, or the language server (which reads the checkout) and the
 * change (made from the commit) would disagree about them.
 */
async function findBaseOccurrences(
  word: string,
  context: AnalysisContext,
): Promise<WordPosition[]> {
  const { signal } = context;
  const atBase = await context.git.findWholeWord(
    word,
    { revision: context.baseCommit },
    { signal },
  );
  const dirty = new Set(await context.git.dirtyFiles({ signal }));
  const touched = [...new Set(atBase.map((o) => o.file))].filter((file) => dirty.has(file));
  if (touched.length > 0) {
    const inCheckout = await context.git.findWholeWord(
      word,
      { cwd: context.files.root },
      { signal },
    );
    const key = (o: WordPosition) => `${o.file}:${o.line}:${o.column}:${o.lineText}`;
    const now = new Set(inCheckout.filter((o) => dirty.has(o.file)).map(key));
    const moved = touched.filter((file) => atBase.some((o) => o.file === file && !now.has(key(o))));
    if (moved.length > 0) {
      throw new OrchestratorError(
        'WORKTREE_DIRTY',
        `"${word}" occurs in files with uncommitted changes that move it: ${moved.join(', ')}. Commit or stash them first.`,
        { data: { files: moved } },
      );
    }
  }
  return atBase;
}

function unresolvedError(
  intent: RenameIntent,
  unresolved: readonly UnresolvedOccurrence[],
): OrchestratorError {
  const list = unresolved.map((o) => `${o.file}:${o.line}: ${o.lineText.trim()} (${o.why})`);
  return new OrchestratorError(
    'UNRESOLVED_REFERENCES',
    `${unresolved.length} occurrence(s) of "${intent.from}" in code could not be resolved, so renaming could break them:\n  ${list.join('\n  ')}\nRename them by hand first, narrow the command, or pass --allow-unresolved to keep them (they are named in the pull request).`,
    { data: { symbol: intent.from, unresolved: list } },
  );
}

function warnUntracked(
  context: AnalysisContext,
  all: readonly FileChange[],
  kept: readonly FileChange[],
): void {
  const skipped = all.filter((c) => !kept.includes(c)).map((c) => c.file);
  if (skipped.length === 0) return;
  context.warn(
    `LOGIC: ${skipped.length} file(s) not tracked by git left alone: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}.`,
  );
}

/** Per changed file, the share of its edits that the references confirm (0..1, at least 0.5). */
function toCertaintyByFile(
  changes: readonly FileChange[],
  references: readonly SymbolReference[],
): Record<string, number> {
  const referenced = new Set(references.map((r) => `${r.file}:${r.line}:${r.column}`));
  const entries: Array<[string, number]> = [];
  for (const change of changes) {
    if (change.op !== 'edit') continue;
    const confirmed = change.edits.filter((e) =>
      referenced.has(`${change.file}:${e.start[0]}:${e.start[1]}`),
    ).length;
    entries.push([
      change.file,
      Math.max(0.5, Math.round((confirmed / change.edits.length) * 1000) / 1000),
    ]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b)));
}
