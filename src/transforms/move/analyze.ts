import type { FileChange } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import { parseFacts } from '../parse-facts.js';
import { describeDefinition, resolveSymbol } from '../shared/resolve-symbol.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import { type MoveFacts, moveFactsSchema } from './contract.js';
import type { MoveIntent } from './intent.js';
import { toMovedQuery } from './named.js';
import { refuseWhatCannotMove } from './refusals.js';
import { moveLanguageOf } from './validate-intent.js';
import type { MovedDeclarationsCheck } from './verify.js';

/**
 * The module-level declaration the command names, in the target's language: a name declared
 * only inside something else is refused here, naming where.
 */
async function resolveMoved(
  intent: MoveIntent,
  context: AnalysisContext,
): Promise<SymbolDefinition> {
  const { graph, signal } = context;
  const language = moveLanguageOf(intent.to);
  const declared =
    context.map.definitions[intent.symbol] ?? (await graph.definitions(intent.symbol, { signal }));
  const inScope = declared.filter(
    (d) =>
      context.tracked.has(d.file) &&
      d.kind !== 'parameter' &&
      (intent.from === undefined || d.file === intent.from),
  );
  const sameLanguage = inScope.filter((d) => d.language === language);
  if (sameLanguage.length === 0 && inScope.length > 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${intent.symbol} is declared in ${[...new Set(inScope.map((d) => d.file))].join(', ')}, but ${intent.to} is a ${language} module: a move stays within one language.`,
      { data: { symbol: intent.symbol, to: intent.to } },
    );
  }
  const moduleLevel = sameLanguage.filter((d) => d.container === undefined);
  if (moduleLevel.length === 0 && sameLanguage.length > 0) {
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `${intent.symbol} is not declared at module level:\n  ${sameLanguage.map(describeDefinition).join('\n  ')}\nOnly module-level functions, classes and variables can move. Nothing was changed.`,
      { data: { symbol: intent.symbol, declaredAt: sameLanguage.map(describeDefinition) } },
    );
  }
  return resolveSymbol(toMovedQuery(intent), moduleLevel, {
    graph,
    search: context.search,
    signal,
  });
}

/** Refuses a target that exists in the checkout without git tracking it (the move would overwrite it). */
async function refuseUntrackedTarget(intent: MoveIntent, context: AnalysisContext): Promise<void> {
  if (context.tracked.has(intent.to)) return;
  const exists = await context.files.readText(intent.to, { signal: context.signal }).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${intent.to} exists but git does not track it: commit it (or remove it) first, or move ${intent.symbol} to another module.`,
      { data: { to: intent.to } },
    );
  }
}

/**
 * move's LOGIC: the one module-level declaration meant, the language half's move (TypeScript's
 * "Move to file", rope for Python) with its private helpers and every importer — refused before
 * anything is written when the target is its own module or already has the name, when it is not
 * module level, when the engine refuses, or when an import cycle would follow.
 */
export async function analyzeMove(
  intent: MoveIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const target = await resolveMoved(intent, context);
  if (target.file === intent.to) {
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `${intent.symbol} is already in ${intent.to} (line ${target.line}): moving it into the module it is in changes nothing. Name another module.`,
      { data: { symbol: intent.symbol, module: intent.to } },
    );
  }
  await refuseUntrackedTarget(intent, context);
  context.progress(
    `moving ${target.kind} ${target.name} from ${target.file}:${target.line} to ${intent.to}`,
  );
  const computed = await context.graph.computeEdits(
    'move',
    target,
    { to: intent.to },
    { signal: context.signal },
  );
  const facts = parseFacts('move', moveFactsSchema, computed.facts);
  refuseWhatCannotMove(intent, target, facts);
  const changes = computed.changes.filter(
    (change) => change.op === 'create' || context.tracked.has(change.file),
  );
  if (changes.length === 0) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `The language server proposed no change to move ${intent.symbol} from ${target.file} to ${intent.to}.`,
      { data: { symbol: intent.symbol } },
    );
  }
  return toAnalysis(intent, target, facts, changes);
}

function toAnalysis(
  intent: MoveIntent,
  target: SymbolDefinition,
  facts: MoveFacts,
  changes: FileChange[],
): TransformAnalysis {
  const helpers = facts.moved.filter((m) => m.role === 'helper');
  const check: MovedDeclarationsCheck = {
    check: 'moved-declarations',
    language: target.language,
    names: [intent.symbol, ...helpers.map((h) => h.name)],
    from: target.file,
    to: intent.to,
  };
  const edits = changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 1), 0);
  const created = changes.some((c) => c.op === 'create' && c.file === intent.to);
  return {
    language: target.language,
    targets: [target],
    changes,
    leftAlone: [],
    verify: [check],
    riskNames: [intent.symbol],
    certaintyByFile: Object.fromEntries(changes.map((c) => [c.file, 0.9])),
    details: {
      from: target.file,
      to: intent.to,
      createsModule: created,
      moved: facts.moved,
      importedFromSource: facts.importedFromSource,
      engine: facts.engine,
    },
    title: `Move ${intent.symbol} to ${intent.to}`,
    summary: [
      `${target.kind} ${target.name} at ${target.file}:${target.line} → ${intent.to} (${created ? 'a new module' : 'an existing module'}; ${facts.engine})`,
      ...helpers.map((h) => `  with its private helper ${h.kind} ${h.name} (line ${h.line})`),
      ...(facts.importedFromSource.length > 0
        ? [
            `${intent.to} imports ${facts.importedFromSource.join(', ')} from ${target.file} (they stay)`,
          ]
        : []),
      `${edits} edits in ${changes.length} files`,
    ],
  };
}
