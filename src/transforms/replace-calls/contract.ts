import { z } from 'zod';
import { sourcePositionSchema } from '../../contracts/source-schemas.js';

/**
 * The contract between replace_calls' two halves: what its language half (inside the
 * dependency_graph server) takes as `compute_edits` args and reports as facts beside the edits.
 * Positions are 1-based, UTF-16 columns.
 */

/** A function as the command names it, and where it is declared when the workspace declares it. */
export const functionRefSchema = z.strictObject({
  /** As written: `old_fn`, `utils.old_fn`, `time.sleep`. */
  name: z.string().min(1),
  /** Its declaration's name in the workspace; absent: the language half resolves `name` itself. */
  at: sourcePositionSchema.optional(),
});

/** `compute_edits` args of replace_calls. */
export const replaceCallsArgsSchema = z.strictObject({
  from: functionRefSchema,
  to: functionRefSchema,
});

export type ReplaceCallsArgs = z.infer<typeof replaceCallsArgsSchema>;

/** A function the language half resolved: where it is declared and how it is called. */
export const resolvedFunctionSchema = z.object({
  name: z.string().min(1),
  /** Workspace-relative, or the library file (`…/typeshed/stdlib/time.pyi`, `…/@types/node/fs.d.ts`). */
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  inWorkspace: z.boolean(),
  /** Its parameters as declared, e.g. `sleep(secs: float, /)`; overloads one per entry. */
  signatures: z.array(z.string()),
  /** How a file imports it: a module name (`asyncio`, `ledger.posting`) or specifier (`./users.js`). */
  module: z.string().optional(),
});

export type ResolvedFunction = z.infer<typeof resolvedFunctionSchema>;

const site = sourcePositionSchema.extend({ lineText: z.string() });

/** Facts of replace_calls' language half. */
export const replaceCallsFactsSchema = z.object({
  /** A name that resolves to no function it can use: none found, not callable, not importable. */
  unresolved: z.array(
    z.object({
      role: z.enum(['from', 'to']),
      name: z.string(),
      kind: z.enum(['missing', 'not-callable', 'not-exported']),
      detail: z.string(),
    }),
  ),
  from: resolvedFunctionSchema.optional(),
  to: resolvedFunctionSchema.optional(),
  /** Every call replaced: the callee as written and what it becomes. */
  calls: z.array(site.extend({ callee: z.string(), replacement: z.string() })),
  /** Calls whose arguments `to` cannot take, with each reason. */
  mismatches: z.array(site.extend({ problems: z.array(z.string()).min(1) })),
  /** Calls whose arguments cannot be checked here (`*args`, spreads): the compile check judges them. */
  unchecked: z.array(site.extend({ why: z.string() })),
  /** Names the new calls would bind that already mean something else there. */
  collisions: z.array(sourcePositionSchema.extend({ name: z.string(), reason: z.string() })),
  /** References of `from` that are not calls, left as they are. */
  leftAlone: z.array(
    sourcePositionSchema.extend({ length: z.number().int().nonnegative(), detail: z.string() }),
  ),
  /** Imports the edits add and remove, for the plan's readers. */
  imports: z.object({
    added: z.array(site.extend({ text: z.string() })),
    removed: z.array(site.extend({ name: z.string() })),
  }),
});

export type ReplaceCallsFacts = z.infer<typeof replaceCallsFactsSchema>;

/** Facts with nothing found yet. */
export function emptyReplaceCallsFacts(): ReplaceCallsFacts {
  return {
    unresolved: [],
    calls: [],
    mismatches: [],
    unchecked: [],
    collisions: [],
    leftAlone: [],
    imports: { added: [], removed: [] },
  };
}
