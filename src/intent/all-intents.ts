import { z } from 'zod';
import { addParameterIntentSchema } from '../transforms/add-parameter/intent.js';
import { convertPromisesIntentSchema } from '../transforms/convert-promises/intent.js';
import { makeAsyncIntentSchema } from '../transforms/make-async/intent.js';
import { moveIntentSchema } from '../transforms/move/intent.js';
import { removeParameterIntentSchema } from '../transforms/remove-parameter/intent.js';
import { removeUnusedImportsIntentSchema } from '../transforms/remove-unused-imports/intent.js';
import { renameIntentSchema } from '../transforms/rename/intent.js';
import { replaceCallsIntentSchema } from '../transforms/replace-calls/intent.js';

/**
 * Every intent the grammar and `--intent` understand, one variant per kind of change, whether
 * or not its transform has landed (a kind without one is refused at run time with
 * `TRANSFORM_UNAVAILABLE`). The variants belong to the transforms' folders.
 */
export const intentSchema = z.discriminatedUnion('kind', [
  renameIntentSchema,
  makeAsyncIntentSchema,
  replaceCallsIntentSchema,
  addParameterIntentSchema,
  removeParameterIntentSchema,
  moveIntentSchema,
  removeUnusedImportsIntentSchema,
  convertPromisesIntentSchema,
]);

/** Any kind's intent. */
export type Intent = z.infer<typeof intentSchema>;

/** The kinds of change commands can name, in the order the grammar tries them. */
export const INTENT_KINDS = intentSchema.options.map((option) => option.shape.kind.value);
