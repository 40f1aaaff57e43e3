import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import { addParameterTransform } from './add-parameter/index.js';
import { addParameterIntentSchema } from './add-parameter/intent.js';
import { convertPromisesTransform } from './convert-promises/index.js';
import { convertPromisesIntentSchema } from './convert-promises/intent.js';
import { makeAsyncTransform } from './make-async/index.js';
import { makeAsyncIntentSchema } from './make-async/intent.js';
import { moveTransform } from './move/index.js';
import { moveIntentSchema } from './move/intent.js';
import { removeParameterTransform } from './remove-parameter/index.js';
import { removeParameterIntentSchema } from './remove-parameter/intent.js';
import { removeUnusedImportsTransform } from './remove-unused-imports/index.js';
import { removeUnusedImportsIntentSchema } from './remove-unused-imports/intent.js';
import { renameTransform } from './rename/index.js';
import { renameIntentSchema } from './rename/intent.js';
import { replaceCallsTransform } from './replace-calls/index.js';
import { replaceCallsIntentSchema } from './replace-calls/intent.js';
import type { Transform } from './transform.js';

/** Every transform's orchestrator half, by kind, in the order commands are tried. */
export const TRANSFORMS = {
  rename: renameTransform,
  make_async: makeAsyncTransform,
  move: moveTransform,
  add_parameter: addParameterTransform,
  remove_parameter: removeParameterTransform,
  replace_calls: replaceCallsTransform,
  remove_unused_imports: removeUnusedImportsTransform,
  convert_promises: convertPromisesTransform,
} as const;

/** The kinds of change the orchestrator can carry out. */
export type TransformKind = keyof typeof TRANSFORMS;

/** Every intent, one variant per transform. */
export const intentSchema = z.discriminatedUnion('kind', [
  renameIntentSchema,
  makeAsyncIntentSchema,
  moveIntentSchema,
  addParameterIntentSchema,
  removeParameterIntentSchema,
  replaceCallsIntentSchema,
  removeUnusedImportsIntentSchema,
  convertPromisesIntentSchema,
]);

export type Intent = z.infer<typeof intentSchema>;

/** The orchestrator half of `kind`; `TRANSFORM_UNAVAILABLE` for a kind no transform owns. */
export function transformFor(kind: string): Transform<IntentBase> {
  const transform = (TRANSFORMS as Readonly<Record<string, unknown>>)[kind];
  if (transform === undefined) {
    throw new OrchestratorError(
      'TRANSFORM_UNAVAILABLE',
      `"${kind}" changes are not available yet. Available: ${Object.keys(TRANSFORMS).join(', ')}.`,
      { data: { kind, available: Object.keys(TRANSFORMS) } },
    );
  }
  return transform as unknown as Transform<IntentBase>;
}
