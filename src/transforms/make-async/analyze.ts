import type { FileChange, RangeEdit } from '../../core/change/change-types.js';
import { mapPositionThroughEdits } from '../../core/change/map-positions.js';
import type { LanguageId, SymbolDefinition } from '../../core/source-types.js';
import { parseFacts } from '../parse-facts.js';
import { createChoiceLog } from '../shared/resolve-symbol.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import { type ConvertFacts, convertFactsSchema, type FunctionRef } from './contract.js';
import type { MakeAsyncIntent } from './intent.js';
import { refuseWhatCannotBeConverted } from './refusals.js';
import { resolveRoots } from './resolve-roots.js';
import type { AwaitedCallsCheck } from './verify.js';

/**
 * make_async's LOGIC: the roots (named, or the module's blocking functions), the language
 * half's closure, boundaries and edits — refused before anything is written when a boundary
 * has no safe wrapping, a root is a generator, or there is nothing to do.
 */
export async function analyzeMakeAsync(
  intent: MakeAsyncIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const { graph, signal } = context;
  const symbolForm = intent.targetKind === 'symbol';
  const choices = createChoiceLog(context.warn);
  const roots = symbolForm
    ? await resolveRoots(intent, { ...context, onChoice: choices.onChoice })
    : [];
  const files = symbolForm ? [] : [...context.map.files];
  const at = symbolForm ? (roots[0] as SymbolDefinition) : { file: files[0] as string };
  context.progress(
    symbolForm
      ? `following the callers of ${roots.map((r) => r.name).join(', ')}`
      : `looking for blocking calls in ${files.join(', ')}`,
  );
  const args = symbolForm
    ? {
        mode: 'convert',
        roots: roots.map((r) => ({ file: r.file, line: r.line, column: r.column })),
      }
    : { mode: 'convert', files };
  const computed = await graph.computeEdits('make_async', at, args, { signal });
  const facts = parseFacts('make_async', convertFactsSchema, computed.facts);
  refuseWhatCannotBeConverted(intent, facts, files);
  for (const root of facts.alreadyAsync) {
    context.warn(`LOGIC: ${describe(root)} is async already; it is left as it is.`);
  }
  const changes = computed.changes.filter(
    (change) => change.op === 'create' || context.tracked.has(change.file),
  );
  const language = languageOf(at.file);
  return {
    language,
    targets: facts.closure.map((entry) => toDefinition(entry, language)),
    changes,
    leftAlone: [],
    verify: [toAwaitedCallsCheck(facts, changes)],
    riskNames: [...new Set(facts.closure.map((entry) => entry.name))],
    certaintyByFile: Object.fromEntries(changes.map((change) => [change.file, 0.9])),
    details: {
      roots: facts.roots,
      closure: facts.closure,
      boundaries: facts.boundaries,
      rewrites: facts.rewrites,
      blocking: facts.blocking,
      ...choices.details(),
    },
    title: `Make ${symbolForm ? roots.map((r) => qualified(r)).join(', ') : intent.target} async`,
    summary: [
      `${facts.closure.length} function(s) become async:`,
      ...facts.closure.map((entry) => `  ${describe(entry)}: ${entry.reason}`),
      ...facts.boundaries.map(
        (b) => `boundary ${b.kind} at ${b.file}:${b.line}: ${b.detail} (${b.how ?? b.handling})`,
      ),
      ...facts.rewrites.map((r) => `rewrite ${r.file}:${r.line}: ${r.from} → ${r.to}`),
    ],
  };
}

/** The verify check: where each converted function's name sits once the edits are applied. */
function toAwaitedCallsCheck(
  facts: ConvertFacts,
  changes: readonly FileChange[],
): AwaitedCallsCheck {
  const edits = new Map<string, RangeEdit[]>();
  for (const change of changes) if (change.op === 'edit') edits.set(change.file, change.edits);
  const functions = facts.closure.flatMap((entry) => {
    const mapped = mapPositionThroughEdits(edits.get(entry.file) ?? [], [entry.line, entry.column]);
    return mapped
      ? [{ file: entry.file, line: mapped[0], column: mapped[1], name: entry.name }]
      : [];
  });
  return { check: 'awaited-calls', functions };
}

function toDefinition(entry: FunctionRef, language: LanguageId): SymbolDefinition {
  return {
    file: entry.file,
    line: entry.line,
    column: entry.column,
    name: entry.name,
    kind: entry.kind === 'method' ? 'method' : 'function',
    language,
    ...(entry.container ? { container: entry.container } : {}),
  };
}

function languageOf(file: string): LanguageId {
  return /\.pyi?$/.test(file) ? 'python' : 'typescript';
}

function qualified(d: { name: string; container?: string }): string {
  return d.container ? `${d.container}.${d.name}` : d.name;
}

function describe(entry: FunctionRef): string {
  return `${entry.kind} ${qualified(entry)} (${entry.file}:${entry.line})`;
}
