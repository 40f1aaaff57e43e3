import type { SymbolKind } from '../../core/source-types.js';
import type { SymbolQuery } from '../shared/resolve-symbol.js';
import type { RenameIntent } from './intent.js';

const KINDS: Record<NonNullable<RenameIntent['symbolKind']>, readonly SymbolKind[]> = {
  function: ['function'],
  class: ['class'],
  method: ['method', 'property', 'function'],
  variable: ['variable', 'constant'],
};

/** The symbol a rename names. */
export function toSymbolQuery(intent: RenameIntent): SymbolQuery {
  return {
    name: intent.from,
    ...(intent.symbolKind
      ? { kinds: KINDS[intent.symbolKind], kindWord: intent.symbolKind, namesKind: true }
      : {}),
    ...(intent.container ? { container: intent.container } : {}),
    ...(intent.scope ? { scope: intent.scope } : {}),
  };
}
