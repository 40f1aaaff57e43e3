import type { SymbolDefinition } from '../../core/source-types.js';
import type { ConvertPromisesIntent } from './intent.js';

/** The conversion that names `candidate` alone: its class and its file. */
export function narrowConvertPromisesIntent(
  intent: ConvertPromisesIntent,
  candidate: SymbolDefinition,
): ConvertPromisesIntent | undefined {
  if (intent.targetKind !== 'symbol') return undefined;
  const target =
    candidate.container === undefined ? candidate.name : `${candidate.container}.${candidate.name}`;
  return { ...intent, target, scope: candidate.file };
}
