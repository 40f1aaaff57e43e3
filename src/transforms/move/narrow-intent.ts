import type { SymbolDefinition } from '../../core/source-types.js';
import type { MoveIntent } from './intent.js';

/** The move that names `candidate` alone: its module (`move helper from a.py to c.py`). */
export function narrowMoveIntent(
  intent: MoveIntent,
  candidate: SymbolDefinition,
): MoveIntent | undefined {
  // Only module-level declarations move.
  if (candidate.container !== undefined) return undefined;
  return { ...intent, from: candidate.file };
}
