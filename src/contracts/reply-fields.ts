import { z } from 'zod';

/**
 * The fields a server's reply cap may add (`truncated`, `replyCut`). Spread them into a tool's
 * output shape: clients reject structured content with fields the schema does not declare.
 */
export const REPLY_CUT_SHAPE = {
  truncated: z
    .boolean()
    .optional()
    .describe(
      'True when the reply was cut short; see replyCut (and the tool) for what is missing.',
    ),
  replyCut: z
    .object({
      maxReplyBytes: z.number().int(),
      dropped: z.record(z.string(), z.number().int()),
    })
    .optional()
    .describe('Present when the reply byte cap cut it: the cap, and items dropped per list.'),
};

/** The `skippedFiles` field: results left out because their real path is outside the workspace. */
export const SKIPPED_FILES_SHAPE = {
  skippedFiles: z
    .array(z.string())
    .optional()
    .describe(
      'Files left out of the result because their real path is outside the workspace or in .git or .mcp-orchestrator.',
    ),
};

/** Where a clipped line text sits in its line (1-based UTF-16 column of its start, whole length). */
export const lineClipSchema = z.object({
  lineStart: z.number().int(),
  lineLength: z.number().int(),
});
