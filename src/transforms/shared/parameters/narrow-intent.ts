import type { SymbolDefinition } from '../../../core/source-types.js';

/**
 * The signature change that names `candidate` alone, when its class tells it apart
 * (`Cache.getUser`); undefined for a module-level function (the command has no `in <path>`).
 */
export function narrowSignatureIntent<I extends { function: string }>(
  intent: I,
  candidate: SymbolDefinition,
): I | undefined {
  if (candidate.container === undefined) return undefined;
  return { ...intent, function: `${candidate.container}.${candidate.name}` };
}
