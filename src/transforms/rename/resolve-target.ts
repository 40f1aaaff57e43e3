import { OrchestratorError } from '../../core/errors.js';
import type { CodeGraph, TextSearch } from '../../core/services.js';
import type { SymbolDefinition, SymbolKind } from '../../core/source-types.js';
import type { RenameIntent } from './intent.js';

const KINDS: Record<NonNullable<RenameIntent['symbolKind']>, readonly SymbolKind[]> = {
  function: ['function'],
  class: ['class'],
  method: ['method', 'property', 'function'],
  variable: ['variable', 'constant'],
};

/** Keeps the definitions the intent's kind, container and `in <path>` allow. */
export function filterDefinitions(
  intent: RenameIntent,
  definitions: readonly SymbolDefinition[],
): SymbolDefinition[] {
  const kinds = intent.symbolKind === undefined ? undefined : KINDS[intent.symbolKind];
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
 * Picks the one symbol the command means. Declarations of one symbol (overloads, a
 * redefinition) are merged through the references of the first; several distinct symbols are
 * `SYMBOL_AMBIGUOUS`, none is `SYMBOL_NOT_FOUND` with close matches.
 */
export async function resolveTarget(
  intent: RenameIntent,
  definitions: readonly SymbolDefinition[],
  services: { graph: CodeGraph; search: TextSearch; signal: AbortSignal },
): Promise<SymbolDefinition> {
  const candidates = filterDefinitions(intent, definitions);
  if (candidates.length === 0) throw await notFound(intent, definitions, services);
  const groups: SymbolDefinition[][] = [];
  let rest = candidates;
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
    const list = groups.map((group) => describeDefinition(group[0] as SymbolDefinition));
    throw new OrchestratorError(
      'SYMBOL_AMBIGUOUS',
      `"${intent.from}" names ${groups.length} different symbols:\n  ${list.join('\n  ')}\nNarrow the command with "in <path>", a kind ("rename function …") or "Class.${intent.from}".`,
      { data: { symbol: intent.from, candidates: list } },
    );
  }
  return (groups[0] as SymbolDefinition[])[0] as SymbolDefinition;
}

async function notFound(
  intent: RenameIntent,
  definitions: readonly SymbolDefinition[],
  services: { search: TextSearch; signal: AbortSignal },
): Promise<OrchestratorError> {
  if (definitions.length > 0) {
    const list = definitions.map(describeDefinition);
    return new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No ${intent.symbolKind ?? 'symbol'} "${intent.container ? `${intent.container}.` : ''}${intent.from}"${intent.scope ? ` in ${intent.scope}` : ''}; "${intent.from}" is declared at:\n  ${list.join('\n  ')}`,
      { data: { symbol: intent.from, declaredAt: list } },
    );
  }
  let suggestions: string[] = [];
  try {
    suggestions = await services.search.similarNames(intent.from, { signal: services.signal });
  } catch {
    // Suggestions are a courtesy; the error stands without them.
  }
  const hint =
    suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return new OrchestratorError(
    'SYMBOL_NOT_FOUND',
    `No symbol named "${intent.from}" is declared in this workspace.${hint}`,
    { data: { symbol: intent.from, suggestions } },
  );
}
