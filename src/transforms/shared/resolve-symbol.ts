import { OrchestratorError } from '../../core/errors.js';
import type { CodeGraph, TextSearch } from '../../core/services.js';
import type { SymbolDefinition, SymbolKind } from '../../core/source-types.js';
/** What names a symbol in a command: the name, and what narrows it. */
export interface SymbolQuery {
  /** The symbol's name as written (`post_entry`). */
  name: string;
  /** Symbol kinds the command allows; undefined: any. */
  kinds?: readonly SymbolKind[];
  /** The kind word for messages (`function`, `method`); undefined: `symbol`. */
  kindWord?: string;
  /** Class (or object) that declares it (`Ledger.post_entry`). */
  container?: string;
  /** Workspace-relative path prefix it is declared under (`in <path>`). */
  scope?: string;
  /**
   * True when the command itself names the kind (`rename function x`): then no candidate is
   * preferred for being module-level. @default false
   */
  namesKind?: boolean;
}

/** What {@link resolveSymbol} asks and tells. */
export interface ResolveServices {
  graph: CodeGraph;
  search: TextSearch;
  signal: AbortSignal;
  /** Told when the module-level candidate is taken over class members (else `warn` is). */
  onChoice?(note: string): void;
  warn?(message: string): void;
}

/** The key of a transform's `details` (and the plan's `analysis.details`) that lists those notes. */
export const SYMBOL_CHOICES_DETAIL = 'symbolChoices';

/** Collects the module-level notes of one analysis: passed on as warnings, kept for `details`. */
export function createChoiceLog(warn: (message: string) => void): {
  onChoice(note: string): void;
  details(): Record<string, unknown>;
} {
  const notes: string[] = [];
  return {
    onChoice(note) {
      notes.push(note);
      warn(note);
    },
    details: () => (notes.length === 0 ? {} : { [SYMBOL_CHOICES_DETAIL]: [...notes] }),
  };
}

/** Keeps the definitions the query's kind, container and `in <path>` allow. */
export function filterDefinitions(
  intent: SymbolQuery,
  definitions: readonly SymbolDefinition[],
): SymbolDefinition[] {
  const kinds = intent.kinds;
  return definitions.filter(
    (d) =>
      d.kind !== 'parameter' &&
      (kinds === undefined || kinds.includes(d.kind)) &&
      (intent.container === undefined || d.container === intent.container) &&
      (intent.scope === undefined ||
        d.file === intent.scope ||
        d.file.startsWith(`${intent.scope}/`)),
  );
}

/** `file:line (kind in Container)` for messages. */
export function describeDefinition(d: SymbolDefinition): string {
  return `${d.file}:${d.line} (${d.kind}${d.container ? ` in ${d.container}` : ''})`;
}

/**
 * Picks the one symbol the query means. Declarations of one symbol (overloads, a
 * redefinition) are merged through the references of the first. Several distinct symbols are
 * `SYMBOL_AMBIGUOUS` — unless exactly one is module-level, every other is a class member and
 * the query names no kind or class: then the module-level one is taken and `onChoice` is told
 * (`post_entry: the function at ledger/core.py:15; method Ledger.post_entry left alone`). None
 * is `SYMBOL_NOT_FOUND` with close matches.
 */
export async function resolveSymbol(
  intent: SymbolQuery,
  definitions: readonly SymbolDefinition[],
  services: ResolveServices,
): Promise<SymbolDefinition> {
  const candidates = filterDefinitions(intent, definitions);
  if (candidates.length === 0) throw await notFound(intent, definitions, services);
  const groups: SymbolDefinition[][] = [];
  // A Python stub declares the same symbol as its module: `a/b.pyi` beside `a/b.py`.
  let rest = candidates.filter((d) => !isStubOfAnother(d, candidates));
  while (rest.length > 0) {
    const [first, ...others] = rest as [SymbolDefinition, ...SymbolDefinition[]];
    if (others.length === 0) {
      groups.push([first]);
      break;
    }
    const references = await services.graph.references(first, { signal: services.signal });
    const same = (d: SymbolDefinition): boolean =>
      references.some((r) => r.file === d.file && r.line === d.line && r.column === d.column);
    groups.push([first, ...others.filter(same)]);
    rest = others.filter((d) => !same(d));
  }
  if (groups.length > 1) {
    const preferred = preferModuleLevel(intent, groups);
    if (preferred !== undefined) {
      (services.onChoice ?? services.warn)?.call(services, preferred.note);
      return preferred.target;
    }
    const list = groups.map((group) => describeDefinition(group[0] as SymbolDefinition));
    throw new OrchestratorError(
      'SYMBOL_AMBIGUOUS',
      `"${intent.name}" names ${groups.length} different symbols:\n  ${list.join('\n  ')}\nNarrow the command with "in <path>", a kind (function, method, class) or "Class.${intent.name}".`,
      {
        data: {
          symbol: intent.name,
          candidates: list,
          // One declaration per symbol, for the commands that name each alone.
          definitions: groups.map((group) => group[0] as SymbolDefinition),
        },
      },
    );
  }
  return (groups[0] as SymbolDefinition[])[0] as SymbolDefinition;
}

/**
 * Throws the `SYMBOL_NOT_FOUND` {@link resolveSymbol} would give (with close matches) when
 * `definitions` (those in tracked files) is empty: MAP calls it as soon as the declaration
 * search answers, so an undeclared name stops the run there.
 */
export async function refuseUndeclared(
  query: SymbolQuery,
  definitions: readonly SymbolDefinition[],
  services: { search: TextSearch; signal: AbortSignal },
): Promise<void> {
  if (definitions.length === 0) throw await notFound(query, definitions, services);
}

/** A declaration inside a class: a method, or a property (a class attribute in Python). */
function isClassMember(d: SymbolDefinition): boolean {
  return d.container !== undefined && (d.kind === 'method' || d.kind === 'property');
}

/** The module-level candidate when it is the only one and every other is a class member. */
function preferModuleLevel(
  intent: SymbolQuery,
  groups: readonly SymbolDefinition[][],
): { target: SymbolDefinition; note: string } | undefined {
  if (intent.namesKind === true || intent.container !== undefined) return undefined;
  const moduleLevel = groups.filter((group) => group.every((d) => d.container === undefined));
  const members = groups.filter((group) => group.every(isClassMember));
  const [chosen] = moduleLevel;
  if (moduleLevel.length !== 1 || members.length !== groups.length - 1) return undefined;
  const target = (chosen as SymbolDefinition[])[0] as SymbolDefinition;
  const others = members.map((group) => {
    const d = group[0] as SymbolDefinition;
    return `${d.kind} ${d.container}.${d.name}`;
  });
  return {
    target,
    note: `${target.name}: the ${target.kind} at ${target.file}:${target.line}; ${others.join(', ')} left alone`,
  };
}

async function notFound(
  intent: SymbolQuery,
  definitions: readonly SymbolDefinition[],
  services: { search: TextSearch; signal: AbortSignal },
): Promise<OrchestratorError> {
  if (definitions.length > 0) {
    const list = definitions.map(describeDefinition);
    return new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No ${intent.kindWord ?? 'symbol'} "${intent.container ? `${intent.container}.` : ''}${intent.name}"${intent.scope ? ` in ${intent.scope}` : ''}; "${intent.name}" is declared at:\n  ${list.join('\n  ')}`,
      { data: { symbol: intent.name, declaredAt: list } },
    );
  }
  let suggestions: string[] = [];
  try {
    suggestions = await services.search.similarNames(intent.name, { signal: services.signal });
  } catch {
    // Suggestions are a courtesy; the error stands without them.
  }
  return toUndeclaredError(intent, suggestions);
}

/**
 * The `SYMBOL_NOT_FOUND` of a symbol declared nowhere, with `suggestions` (close names the
 * workspace holds) as "Did you mean …?".
 */
export function toUndeclaredError(
  query: SymbolQuery,
  suggestions: readonly string[],
): OrchestratorError {
  const hint =
    suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return new OrchestratorError(
    'SYMBOL_NOT_FOUND',
    `No ${query.kindWord ?? 'symbol'} named "${query.container ? `${query.container}.` : ''}${query.name}" is declared in this workspace.${hint}`,
    { data: { symbol: query.name, suggestions: [...suggestions] } },
  );
}

/** True for a `.pyi` declaration whose `.py` module declares the same name in the same place. */
function isStubOfAnother(d: SymbolDefinition, all: readonly SymbolDefinition[]): boolean {
  if (!d.file.endsWith('.pyi')) return false;
  const module = d.file.slice(0, -1);
  return all.some(
    (other) => other.file === module && other.name === d.name && other.container === d.container,
  );
}
