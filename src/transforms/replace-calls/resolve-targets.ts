import { OrchestratorError } from '../../core/errors.js';
import type { TransformTarget } from '../../core/services.js';
import type { LanguageId, SymbolDefinition, SymbolKind } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { describeDefinition, resolveSymbol } from '../shared/resolve-symbol.js';
import type { AnalysisContext } from '../transform.js';
import type { ReplaceCallsArgs } from './contract.js';
import type { ReplaceCallsIntent } from './intent.js';
import { splitDotted } from './split-dotted.js';

/** Declarations that can be called like a function. */
const CALLABLE: readonly SymbolKind[] = [
  'function',
  'variable',
  'constant',
  'class',
  'method',
  'property',
];

const PYTHON = /\.pyi?$/;
const SCRIPT = /\.[cm]?[jt]sx?$/;

/** Both functions as the language half takes them, where it starts, and in which language. */
export interface ResolvedTargets {
  args: ReplaceCallsArgs;
  at: TransformTarget;
  language: LanguageId;
  /** The workspace declarations, when the workspace declares them. */
  declarations: { from?: SymbolDefinition; to?: SymbolDefinition };
}

/**
 * Finds the workspace declaration of each function the command names (`module.name` narrows
 * by the declaring file's module path); a name the workspace does not declare is left for the
 * language half to resolve in the modules a file can import. Refused here: a method (calls
 * through an object are not a module-level function's calls), several symbols for one name,
 * a qualified name whose module does not declare it, and an old name nothing mentions.
 */
export async function resolveTargets(
  intent: ReplaceCallsIntent,
  context: AnalysisContext,
): Promise<ResolvedTargets> {
  const from = await findDeclaration(intent.from, 'old', undefined, context);
  const toLanguageHint = from?.language;
  const to = await findDeclaration(intent.to, 'new', toLanguageHint, context);
  const language = from?.language ?? (await languageOfMentions(intent.from, to?.language, context));
  if (to !== undefined && to.language !== language) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${intent.from}" is called from ${language} code, but "${intent.to}" is declared in ${to.file} (${to.language}): a call can only be replaced by a function of its own language.`,
      { data: { from: intent.from, to: intent.to } },
    );
  }
  const at: TransformTarget =
    from !== undefined
      ? { file: from.file, line: from.line, column: from.column }
      : { file: firstMention(intent.from, language, context) };
  return {
    args: {
      from: { name: intent.from, ...(from ? { at: positionOf(from) } : {}) },
      to: { name: intent.to, ...(to ? { at: positionOf(to) } : {}) },
    },
    at,
    language,
    declarations: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
  };
}

async function findDeclaration(
  written: string,
  role: 'old' | 'new',
  language: LanguageId | undefined,
  context: AnalysisContext,
): Promise<SymbolDefinition | undefined> {
  const { qualifier, name } = splitDotted(written);
  const declared =
    context.map.definitions[name] ??
    (await context.graph.definitions(name, { signal: context.signal }));
  const tracked = declared.filter(
    (d) => context.tracked.has(d.file) && (language === undefined || d.language === language),
  );
  const candidates = tracked.filter(
    (d) => CALLABLE.includes(d.kind) && (qualifier === undefined || isInModule(d, qualifier)),
  );
  if (candidates.length === 0) {
    if (
      qualifier !== undefined &&
      tracked.some((d) => isInModule(d, qualifier) || d.container === qualifier)
    ) {
      const list = tracked.map(describeDefinition);
      throw new OrchestratorError(
        'TRANSFORM_REFUSED',
        `"${written}" is not a module-level function: ${list.join(', ')}. replace_calls replaces calls of functions (by name or through their module); calls through an object are left to a rename.`,
        { data: { symbol: written, declaredAt: list } },
      );
    }
    return undefined;
  }
  const target = await resolveSymbol(
    { name, kinds: CALLABLE, kindWord: 'function' },
    candidates,
    context,
  );
  if (target.container !== undefined || target.kind === 'method' || target.kind === 'property') {
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `The ${role} function "${written}" is ${target.kind === 'method' || target.kind === 'property' ? 'a method' : 'a nested function'} of ${target.container ?? 'a class'} (${target.file}:${target.line}). replace_calls replaces calls of module-level functions.`,
      { data: { symbol: written, at: `${target.file}:${target.line}` } },
    );
  }
  return target;
}

/** True when `qualifier` (`utils`, `pkg.utils`, `src/utils`) names the declaring file's module. */
function isInModule(definition: SymbolDefinition, qualifier: string): boolean {
  const parts = definition.file.replace(/\.[^./]+$/, '').split('/');
  if (parts.at(-1) === '__init__' || parts.at(-1) === 'index') parts.pop();
  const wanted = qualifier.split(/[./]/);
  return (
    wanted.length <= parts.length &&
    wanted.every((part, i) => parts[parts.length - wanted.length + i] === part)
  );
}

/**
 * For a function the workspace does not declare (a library's): the language of the files that
 * mention its name; `SYMBOL_NOT_FOUND` with close names when none does.
 */
async function languageOfMentions(
  written: string,
  preferred: LanguageId | undefined,
  context: AnalysisContext,
): Promise<LanguageId> {
  const { name } = splitDotted(written);
  const files = mentions(name, context);
  const python = files.filter((f) => PYTHON.test(f)).length;
  const script = files.filter((f) => SCRIPT.test(f)).length;
  if (python + script === 0) {
    const suggestions = await closeNames(name, context);
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No function "${written}" is declared in this repository, and no source file mentions "${name}", so nothing calls it.${suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
      { data: { symbol: written, suggestions } },
    );
  }
  if (preferred !== undefined && (preferred === 'python' ? python : script) > 0) return preferred;
  return python >= script ? 'python' : 'typescript';
}

function firstMention(written: string, language: LanguageId, context: AnalysisContext): string {
  const pattern = language === 'python' ? PYTHON : SCRIPT;
  return mentions(splitDotted(written).name, context).find((f) => pattern.test(f)) as string;
}

function mentions(name: string, context: AnalysisContext): string[] {
  const found = context.map.occurrences[name] ?? [];
  return [...new Set(found.map((o) => o.file))]
    .filter((f) => context.tracked.has(f))
    .sort(compareText);
}

function positionOf(d: SymbolDefinition) {
  return { file: d.file, line: d.line, column: d.column };
}

/** Identifiers of the workspace that look like `name` (a courtesy: none when the search fails). */
export async function closeNames(
  name: string,
  context: Pick<AnalysisContext, 'search' | 'signal'>,
): Promise<string[]> {
  try {
    return await context.search.similarNames(name, { signal: context.signal });
  } catch {
    return [];
  }
}
