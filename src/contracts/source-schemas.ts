import { z } from 'zod';

/** A language the bundled servers analyse. */
export const languageIdSchema = z.enum(['typescript', 'python']);

const positionFields = {
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
};

/** A 1-based position in a workspace file (UTF-16 columns). */
export const sourcePositionSchema = z.object(positionFields);

/** A `SymbolDefinition`. */
export const definitionSchema = z.object({
  ...positionFields,
  name: z.string().min(1),
  kind: z.enum([
    'function',
    'class',
    'method',
    'variable',
    'constant',
    'parameter',
    'property',
    'module',
    'interface',
    'type',
    'enum',
    'other',
  ]),
  language: languageIdSchema,
  container: z.string().optional(),
});

/** A `SymbolReference`. */
export const referenceSchema = z.object({
  ...positionFields,
  length: z.number().int().nonnegative(),
  isDefinition: z.boolean(),
  isImport: z.boolean(),
  lineText: z.string(),
});

/** A `CallSite`. */
export const callSiteSchema = z.object({
  ...positionFields,
  callerName: z.string(),
  callerFile: z.string(),
  callerLine: z.number().int().positive(),
});

/** An `ImportEdge`. */
export const importEdgeSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  names: z.array(z.string()),
});

/** A `PositionClass`. */
export const positionClassSchema = z.object({
  ...positionFields,
  kind: z.enum(['code', 'comment', 'string', 'text']),
  declaration: definitionSchema.optional(),
  externalDeclaration: z.string().optional(),
  member: z.object({ object: z.string(), objectIsModule: z.boolean() }).optional(),
});

const tuple = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/** A `RangeEdit`. */
export const rangeEditSchema = z.object({
  start: tuple,
  end: tuple,
  oldText: z.string(),
  newText: z.string(),
  reason: z.string().min(1),
});

/** A `FileChange`. */
export const fileChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('edit'), file: z.string().min(1), edits: z.array(rangeEditSchema) }),
  z.object({
    op: z.literal('create'),
    file: z.string().min(1),
    text: z.string(),
    reason: z.string().min(1),
  }),
  z.object({ op: z.literal('delete'), file: z.string().min(1), reason: z.string().min(1) }),
  z.object({
    op: z.literal('move'),
    file: z.string().min(1),
    to: z.string().min(1),
    reason: z.string().min(1),
  }),
]);

/** A compiler / type checker diagnostic. */
export const diagnosticSchema = z.object({
  ...positionFields,
  /** The checker's code, e.g. `TS2304`, `reportUndefinedVariable`. */
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** A file's text as a query should see it; `null` for a file that is gone. */
export const overlayEntrySchema = z.object({
  file: z.string().min(1),
  text: z.string().nullable(),
});
