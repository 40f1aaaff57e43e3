import type { SymbolDefinition, SymbolKind } from '../../core/source-types.js';
import type { RenameIntent } from './intent.js';

/** The kind word of a command that keeps a declaration of each kind (see `symbol-query.ts`). */
const KIND_WORDS: Partial<Record<SymbolKind, NonNullable<RenameIntent['symbolKind']>>> = {
  function: 'function',
  class: 'class',
  method: 'method',
  property: 'method',
  variable: 'variable',
  constant: 'variable',
};

/**
 * The rename that names `candidate` alone, for a command that named several symbols: its
 * kind, its class and its file (`rename method Cache.getUser to fetchUser in src/cache.ts`).
 */
export function narrowRenameIntent(
  intent: RenameIntent,
  candidate: SymbolDefinition,
): RenameIntent | undefined {
  const symbolKind = KIND_WORDS[candidate.kind];
  if (symbolKind === undefined) return undefined;
  return {
    kind: 'rename',
    from: intent.from,
    to: intent.to,
    symbolKind,
    ...(candidate.container === undefined ? {} : { container: candidate.container }),
    scope: candidate.file,
  };
}
