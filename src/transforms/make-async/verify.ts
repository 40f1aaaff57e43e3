import { z } from 'zod';
import { parseFacts } from '../parse-facts.js';
import { changedTreeOverlay } from '../shared/changed-tree-overlay.js';
import type { VerifyContext } from '../transform.js';
import { verifyFactsSchema } from './contract.js';

/** REVIEW's check that every call of a converted function is awaited (or handed to a runner). */
export const awaitedCallsCheckSchema = z.strictObject({
  check: z.literal('awaited-calls'),
  /** The converted functions, where their names sit in the changed tree. */
  functions: z.array(
    z.strictObject({
      file: z.string().min(1),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      name: z.string().min(1),
    }),
  ),
});

export type AwaitedCallsCheck = z.infer<typeof awaitedCallsCheckSchema>;

/**
 * Asks the language half, on the changed tree (the worktree's changed files handed over as an
 * overlay), for calls of the converted functions that nothing awaits: each is a problem.
 */
export async function verifyAwaitedCalls(
  check: AwaitedCallsCheck,
  context: VerifyContext,
): Promise<string[]> {
  const [first] = check.functions;
  if (first === undefined) return [];
  const overlay = await changedTreeOverlay(context);
  const computed = await context.graph.computeEdits(
    'make_async',
    { file: first.file, line: first.line, column: first.column },
    { mode: 'verify', functions: check.functions },
    { overlay, signal: context.signal },
  );
  const { unawaited } = parseFacts('make_async', verifyFactsSchema, computed.facts);
  if (unawaited.length === 0) return [];
  const shown = unawaited
    .slice(0, 10)
    .map((u) => `${u.file}:${u.line}: ${u.lineText.trim()} (${u.function})`);
  return [
    `${unawaited.length} call(s) of converted functions are not awaited:\n  ${shown.join('\n  ')}${unawaited.length > 10 ? `\n  … and ${unawaited.length - 10} more` : ''}`,
  ];
}
