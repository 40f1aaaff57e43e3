import { z } from 'zod';
import { parseFacts } from '../parse-facts.js';
import { changedTreeOverlay } from '../shared/changed-tree-overlay.js';
import type { VerifyContext } from '../transform.js';
import { verifyFactsSchema } from './contract.js';

/** REVIEW's check that each converted function is async and returns no promise chain any more. */
export const convertedFunctionsCheckSchema = z.strictObject({
  check: z.literal('converted-functions'),
  /** The converted functions, by where their body's `{` sits in the changed tree. */
  functions: z.array(
    z.strictObject({
      file: z.string().min(1),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      name: z.string().min(1),
    }),
  ),
});

export type ConvertedFunctionsCheck = z.infer<typeof convertedFunctionsCheckSchema>;

/**
 * Asks the TypeScript half, on the changed tree (the worktree's changed files handed over as an
 * overlay), whether each converted function is async and its returns hold no `.then`/`.catch`/
 * `.finally` chain on a Promise: each function that fails is a problem.
 */
export async function verifyConvertedFunctions(
  check: ConvertedFunctionsCheck,
  context: VerifyContext,
): Promise<string[]> {
  const [first] = check.functions;
  if (first === undefined) return [];
  const overlay = await changedTreeOverlay(context);
  const computed = await context.graph.computeEdits(
    'convert_promises',
    { file: first.file, line: first.line, column: first.column },
    { mode: 'verify', functions: check.functions },
    { overlay, signal: context.signal },
  );
  const { problems } = parseFacts('convert_promises', verifyFactsSchema, computed.facts);
  return problems.map((p) => `${p.name} (${p.file}:${p.line}) ${p.problem} after the conversion`);
}
