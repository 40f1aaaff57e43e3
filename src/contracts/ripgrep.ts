import { z } from 'zod';
import { lineClipSchema, REPLY_CUT_SHAPE, SKIPPED_FILES_SHAPE } from './reply-fields.js';
import { defineContract } from './tool-contract.js';

const globs = z
  .array(z.string().min(1))
  .optional()
  .describe('rg globs, e.g. "src/**/*.ts" or "!**/*.test.ts".');
const types = z.array(z.string().min(1)).optional().describe('rg file types, e.g. "ts", "py".');

/** One `search` match: 1-based line and column (UTF-16 units) of the matched text. */
export const ripgrepMatchSchema = z.object({
  /** Workspace-relative POSIX path. */
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Match length in UTF-16 code units (of the whole match, even when `text` is clipped). */
  length: z.number().int().nonnegative(),
  /** The matched text, clipped to the longest line text a tool returns. */
  text: z.string(),
  /** The whole line without its line break, or a window of it (then `clipped` says where). */
  lineText: z.string(),
  clipped: lineClipSchema.optional(),
  /** Up to `context` lines before the match (only when asked for). */
  before: z.array(z.string()).optional(),
  /** Up to `context` lines after the match (only when asked for). */
  after: z.array(z.string()).optional(),
});

export type RipgrepMatch = z.infer<typeof ripgrepMatchSchema>;

/** `search` on the ripgrep server. */
export const ripgrepSearchContract = defineContract({
  server: 'ripgrep',
  tool: 'search',
  description:
    'Search workspace files with ripgrep. Returns matches sorted by file, line, column ' +
    '(1-based, UTF-16 columns), with optional context lines. Never searches .git or ' +
    '.mcp-orchestrator (a path or glob naming them is refused), node_modules, files ' +
    'ignored by .gitignore, or files whose real path is outside the workspace. Long lines ' +
    'come back as a window around the match (clipped); truncated says matches are missing.',
  input: {
    pattern: z.string().min(1).describe('A Rust regex, or a plain string when `literal` is true.'),
    literal: z.boolean().optional().describe('Treat `pattern` as a literal string. Default false.'),
    word: z.boolean().optional().describe('Only match whole words. Default false.'),
    globs,
    types,
    ignoreCase: z.boolean().optional().describe('Case-insensitive search. Default false.'),
    context: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .describe('Lines of context before and after each match. Default 0.'),
    maxCount: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Most matching lines per file (rg --max-count).'),
    path: z
      .string()
      .min(1)
      .optional()
      .describe('A file or folder inside the workspace to search. Default: the workspace root.'),
  },
  output: {
    matches: z.array(ripgrepMatchSchema),
    /** True when more than the match cap matched (or the reply was cut). */
    truncated: z.boolean(),
    stats: z.object({ filesSearched: z.number().int(), elapsedMs: z.number() }),
    replyCut: REPLY_CUT_SHAPE.replyCut,
    ...SKIPPED_FILES_SHAPE,
  },
});

/** `files` on the ripgrep server: the files a search would read. */
export const ripgrepFilesContract = defineContract({
  server: 'ripgrep',
  tool: 'files',
  description:
    'List the workspace files ripgrep would search (sorted, workspace-relative), ' +
    'filtered by globs and rg file types.',
  input: { globs, types },
  output: {
    files: z.array(z.string()),
    ...REPLY_CUT_SHAPE,
    ...SKIPPED_FILES_SHAPE,
  },
});
