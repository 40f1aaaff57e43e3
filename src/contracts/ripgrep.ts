import { z } from 'zod';
import { defineContract } from './tool-contract.js';

/** One `search` match: 1-based line and column (UTF-16 units) of the matched text. */
export const ripgrepMatchSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  length: z.number().int().nonnegative(),
  text: z.string(),
  lineText: z.string(),
});

export type RipgrepMatch = z.infer<typeof ripgrepMatchSchema>;

/** `search` on the ripgrep server (the fields the orchestrator sends and reads). */
export const ripgrepSearchContract = defineContract({
  server: 'ripgrep',
  tool: 'search',
  description:
    'Search workspace files with ripgrep. Returns matches sorted by file, line, column ' +
    '(1-based, UTF-16 columns).',
  input: {
    pattern: z.string().min(1),
    literal: z.boolean().optional(),
    word: z.boolean().optional(),
    ignoreCase: z.boolean().optional(),
    maxCount: z.number().int().positive().optional(),
  },
  output: {
    matches: z.array(ripgrepMatchSchema),
    truncated: z.boolean(),
  },
});
