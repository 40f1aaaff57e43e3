import type { SymbolQuery } from '../shared/resolve-symbol.js';
import type { NamedPath } from '../transform.js';
import type { MoveIntent } from './intent.js';

/** The declaration a move names, as {@link resolveSymbol} (and MAP, when it is undeclared) ask. */
export function toMovedQuery(intent: MoveIntent): SymbolQuery {
  return {
    name: intent.symbol,
    kindWord: 'module-level declaration',
    ...(intent.from ? { scope: intent.from } : {}),
  };
}

/** The module a move names it `from`, which must exist. */
export function moveNamedPaths(intent: MoveIntent): NamedPath[] {
  return intent.from === undefined ? [] : [{ words: `from ${intent.from}`, path: intent.from }];
}
