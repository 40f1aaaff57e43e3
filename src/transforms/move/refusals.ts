import { OrchestratorError } from '../../core/errors.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import type { MoveFacts } from './contract.js';
import { describeCycle } from './import-cycles.js';
import type { MoveIntent } from './intent.js';

/**
 * Refuses, before anything is written, what the language half would not move (a name that is
 * not module level, one the target already has, rope or TypeScript refusing, rope missing) and
 * a move that would bring an import cycle, naming it `a.py → b.py → a.py`.
 */
export function refuseWhatCannotMove(
  intent: MoveIntent,
  target: SymbolDefinition,
  facts: MoveFacts,
): void {
  const refusal = facts.refusal;
  if (refusal !== undefined) {
    const code =
      refusal.reason === 'name-exists'
        ? 'NAME_COLLISION'
        : refusal.reason === 'tool-missing'
          ? 'BAD_INPUT'
          : 'TRANSFORM_REFUSED';
    throw new OrchestratorError(code, `${refusal.message} Nothing was changed.`, {
      data: { symbol: intent.symbol, from: target.file, to: intent.to, reason: refusal.reason },
    });
  }
  const [cycle] = facts.newCycles;
  if (cycle !== undefined) {
    const stays = facts.importedFromSource;
    const why =
      stays.length > 0
        ? ` ${intent.to} would import ${stays.join(', ')} from ${target.file}, which would import ${intent.symbol} from ${intent.to}.`
        : '';
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `Moving ${intent.symbol} from ${target.file} to ${intent.to} would create an import cycle: ${describeCycle(cycle)}.${why} Nothing was changed. Move what they share too (or to a third module), or move ${intent.symbol} elsewhere.`,
      { data: { symbol: intent.symbol, cycles: facts.newCycles.map(describeCycle) } },
    );
  }
}
