import { z } from 'zod';

/** A workspace `.py` file. */
const file = z
  .string()
  .min(1)
  .describe('A .py file, workspace-relative (or absolute inside the workspace).');

/** A 1-based line and UTF-16 column in `file`. */
const position = {
  file,
  line: z.number().int().min(1).describe('1-based line.'),
  column: z.number().int().min(1).describe('1-based column in UTF-16 code units.'),
};

/** Input of `symbols`. */
export const symbolsInputShape = { file };

/** Input of `scopes`, `references`. */
export const positionInputShape = position;

/** Input of `rename_locations`. */
export const renameInputShape = {
  ...position,
  newName: z.string().describe('The new Python identifier.'),
};

/** Input of `call_hierarchy`. */
export const callHierarchyInputShape = {
  ...position,
  direction: z
    .enum(['incoming', 'outgoing'])
    .describe('incoming: who calls the function at the position; outgoing: what it calls.'),
};

/** Input of `async_analysis`. */
export const asyncAnalysisInputShape = {
  file: file.optional().describe('A .py file; default: every .py file in the workspace.'),
};
