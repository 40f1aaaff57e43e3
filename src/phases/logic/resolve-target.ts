import { OrchestratorError } from '../../core/errors.js';
import type { RenameIntent } from '../../core/intent.js';
import type { ToolCaller } from '../../core/services.js';
import type { SymbolDefinition, SymbolKind } from '../../core/source-types.js';
import { suggestNames } from '../shared/suggest-names.js';
import type { ReferencesResult } from '../shared/tool-types.js';

const KINDS: Record<RenameIntent['symbolKind'], readonly SymbolKind[] | undefined> = {
  any: undefined,
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
  const kinds = KINDS[intent.symbolKind];
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

/**
 * Picks the one symbol the command means. Declarations of one symbol (overloads, a
 * redefinition) are merged through the references of the first; several distinct symbols are
 * `SYMBOL_AMBIGUOUS`, none is `SYMBOL_NOT_FOUND` with close matches.
 */
export async function resolveTarget(
  intent: RenameIntent,
  definitions: readonly SymbolDefinition[],
  tools: ToolCaller,
  signal: AbortSignal,
): Promise<SymbolDefinition> {
  const candidates = filterDefinitions(intent, definitions);
  if (candidates.length === 0) throw await notFound(intent, definitions, tools, signal);
  const groups: SymbolDefinition[][] = [];
  let rest = candidates;
  while (rest.length > 0) {
    const [first, ...others] = rest as [SymbolDefinition, ...SymbolDefinition[]];
    if (others.length === 0) {
      groups.push([first]);
      break;
    }
    const { references } = await tools.callTool<ReferencesResult>(
      'dependency_graph',
      'find_references',
      { file: first.file, line: first.line, column: first.column },
      { signal, timeoutMs: 120_000 },
    );
    const same = (d: SymbolDefinition): boolean =>
      references.some((r) => r.file === d.file && r.line === d.line && r.column === d.column);
    groups.push([first, ...others.filter(same)]);
    rest = others.filter((d) => !same(d));
  }
  if (groups.length > 1) {
    const list = groups.map((group) => {
      const d = group[0] as SymbolDefinition;
      return `${d.file}:${d.line} (${d.kind}${d.container ? ` in ${d.container}` : ''})`;
    });
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
  tools: ToolCaller,
  signal: AbortSignal,
): Promise<OrchestratorError> {
  if (definitions.length > 0) {
    const list = definitions.map(
      (d) => `${d.file}:${d.line} (${d.kind}${d.container ? ` in ${d.container}` : ''})`,
    );
    return new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No ${intent.symbolKind === 'any' ? 'symbol' : intent.symbolKind} "${intent.container ? `${intent.container}.` : ''}${intent.from}"${intent.scope ? ` in ${intent.scope}` : ''}; "${intent.from}" is declared at:\n  ${list.join('\n  ')}`,
      { data: { symbol: intent.from, declaredAt: list } },
    );
  }
  let suggestions: string[] = [];
  try {
    suggestions = await suggestNames(tools, intent.from, { signal });
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
