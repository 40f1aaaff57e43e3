import { OrchestratorError } from '../../core/errors.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import { parseFacts } from '../parse-facts.js';
import { describeDefinition, resolveSymbol } from '../shared/resolve-symbol.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import { type ConvertedFunction, type ConvertFacts, convertFactsSchema } from './contract.js';
import type { ConvertPromisesIntent } from './intent.js';
import { describeDeclined, refuseNothingConverted } from './refusals.js';
import type { ConvertedFunctionsCheck } from './verify.js';

/** The one JS/TS function the command names (the shared resolver: not found, ambiguous). */
async function resolveFunction(
  intent: ConvertPromisesIntent,
  context: AnalysisContext,
): Promise<SymbolDefinition> {
  const { graph, signal } = context;
  const dot = intent.target.lastIndexOf('.');
  const name = intent.target.slice(dot + 1);
  const container = dot > 0 ? intent.target.slice(0, dot) : undefined;
  const declared = context.map.definitions[name] ?? (await graph.definitions(name, { signal }));
  const tracked = declared.filter((d) => context.tracked.has(d.file));
  const scripts = tracked.filter((d) => d.language === 'typescript');
  if (scripts.length === 0 && tracked.length > 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${intent.target} is declared only in Python (${tracked.map(describeDefinition).join(', ')}): "convert promise chains to async/await" works on JavaScript and TypeScript only. To make Python functions coroutines, use "make ${intent.target} async".`,
      { data: { symbol: intent.target, declaredAt: tracked.map(describeDefinition) } },
    );
  }
  return resolveSymbol(
    {
      name,
      kinds: ['function', 'method', 'variable', 'constant', 'property'],
      kindWord: 'function',
      ...(container ? { container } : {}),
      ...(intent.scope ? { scope: intent.scope } : {}),
    },
    scripts,
    { graph, search: context.search, signal },
  );
}

function toDefinition(f: ConvertedFunction): SymbolDefinition {
  const dot = f.name.lastIndexOf('.');
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    name: f.name.slice(dot + 1),
    kind: f.kind === 'method' ? 'method' : 'function',
    language: 'typescript',
    ...(dot > 0 ? { container: f.name.slice(0, dot) } : {}),
  };
}

function toCheck(facts: ConvertFacts): ConvertedFunctionsCheck {
  return {
    check: 'converted-functions',
    functions: facts.converted.flatMap((f) =>
      f.body === undefined ? [] : [{ ...f.body, name: f.name }],
    ),
  };
}

/**
 * convert_promises' LOGIC: the function named (or the path's files), TypeScript's own
 * convertToAsyncFunction fixes for it, and refusals before anything is written when nothing
 * converts (naming the function or files and why).
 */
export async function analyzeConvertPromises(
  intent: ConvertPromisesIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const symbolForm = intent.targetKind === 'symbol';
  const target = symbolForm ? await resolveFunction(intent, context) : undefined;
  const files = [...context.map.files];
  const at = target ?? { file: files[0] as string };
  context.progress(
    target
      ? `asking TypeScript to convert ${target.name} at ${target.file}:${target.line}`
      : `asking TypeScript which functions in ${files.length} file(s) it can convert`,
  );
  const args = target
    ? { mode: 'convert', function: { file: target.file, line: target.line, column: target.column } }
    : { mode: 'convert', files };
  const computed = await context.graph.computeEdits('convert_promises', at, args, {
    signal: context.signal,
  });
  const facts = parseFacts('convert_promises', convertFactsSchema, computed.facts);
  refuseNothingConverted(intent, facts);
  const changes = computed.changes.filter((change) => context.tracked.has(change.file));
  for (const declined of symbolForm ? [] : facts.declined) {
    context.warn(`LOGIC: left as it is: ${describeDeclined(declined)}.`);
  }
  if (facts.skipped.length > 0) {
    context.warn(`LOGIC: TypeScript does not load ${facts.skipped.join(', ')}; left as they are.`);
  }
  const names = facts.converted.map((f) => f.name);
  return {
    language: 'typescript',
    targets: facts.converted.map(toDefinition),
    changes,
    leftAlone: [],
    verify: [toCheck(facts)],
    riskNames: [...new Set(facts.converted.map((f) => f.name.slice(f.name.lastIndexOf('.') + 1)))],
    certaintyByFile: Object.fromEntries(changes.map((change) => [change.file, 0.95])),
    details: {
      converted: facts.converted,
      declined: facts.declined,
      examined: facts.examined,
      skipped: facts.skipped,
      engine: facts.engine,
    },
    title: symbolForm
      ? `Convert ${intent.target} to async/await`
      : `Convert promise chains to async/await in ${intent.target}`,
    summary: [
      `${names.length} function(s) converted by ${facts.engine}:`,
      ...facts.converted.map(
        (f) =>
          `  ${f.kind} ${f.name} (${f.file}:${f.line})${f.round > 1 ? ` after the function around it (round ${f.round})` : ''}`,
      ),
      ...facts.declined.map((d) => `left as it is: ${describeDeclined(d)}`),
    ],
  };
}
