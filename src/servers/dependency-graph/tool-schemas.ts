import { z } from 'zod';

/** `language` input: which adapter to ask. */
export const languageSchema = z
  .enum(['typescript', 'python'])
  .optional()
  .describe('Only this language. Default: every language with files in the workspace.');

/** `{file, line, column}` input: a position in a workspace file. */
export const positionInputShape = {
  file: z
    .string()
    .min(1)
    .describe('Workspace-relative (or absolute, inside the workspace) path of the file.'),
  line: z.number().int().min(1).describe('1-based line.'),
  column: z.number().int().min(1).describe('1-based column, in UTF-16 code units.'),
};

/** `newName` input. */
export const newNameSchema = z.string().min(1).describe('The new name for the symbol.');

const position = {
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
};

/** One {@link SymbolDefinition}. */
export const definitionSchema = z.object({
  ...position,
  name: z.string(),
  kind: z.string(),
  language: z.enum(['typescript', 'python']),
  container: z.string().optional(),
});

/** One {@link SymbolReference}. */
export const referenceSchema = z.object({
  ...position,
  length: z.number().int(),
  isDefinition: z.boolean(),
  isImport: z.boolean(),
  lineText: z.string(),
});

/** One {@link TextEdit}. */
export const textEditSchema = z.object({
  ...position,
  length: z.number().int(),
  oldText: z.string(),
  newText: z.string(),
});

/** One {@link NameCollision}. */
export const collisionSchema = z.object({ ...position, name: z.string(), reason: z.string() });

/** One {@link CallSite}. */
export const callSiteSchema = z.object({
  ...position,
  callerName: z.string(),
  callerFile: z.string(),
  callerLine: z.number().int(),
});

/** One {@link ImportEdge}. */
export const importEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  names: z.array(z.string()),
});
