import { z } from 'zod';

/**
 * The contract between move's two halves: what its language half (inside the dependency_graph
 * server) takes as `compute_edits` args and reports as facts beside the file changes. The call's
 * target is the position of the moved declaration's name. Positions are 1-based, UTF-16 columns.
 */

/** `compute_edits` args of move (the call's target is the declaration's name). */
export const moveArgsSchema = z.strictObject({
  /** Workspace-relative path of the module it moves to (created when it does not exist). */
  to: z.string().min(1).max(4096),
});

export type MoveArgs = z.infer<typeof moveArgsSchema>;

/** A declaration that moves, where it was declared. */
export const movedDeclarationSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['function', 'class', 'variable', 'other']),
  /** `symbol`: the one the command names; `helper`: a private helper only it used. */
  role: z.enum(['symbol', 'helper']),
  line: z.number().int().positive(),
});

export type MovedDeclaration = z.infer<typeof movedDeclarationSchema>;

/** Why the language half will not compute the move (the orchestrator half refuses with it). */
export const moveRefusalSchema = z.object({
  reason: z.enum([
    'not-module-level',
    'name-exists',
    'same-module',
    'not-movable',
    'tool-refused',
    'tool-missing',
  ]),
  /** What is wrong and what to do, naming the symbol, file and line. */
  message: z.string().min(1),
});

export type MoveRefusal = z.infer<typeof moveRefusalSchema>;

/** What move's language half reports beside its changes (`compute_edits` facts). */
export const moveFactsSchema = z.object({
  refusal: moveRefusalSchema.optional(),
  /** The declarations that move, the named one first. */
  moved: z.array(movedDeclarationSchema),
  /** Names the target module now imports from the source module (they stay where they are). */
  importedFromSource: z.array(z.string()),
  /** Import cycles the change would bring, each as files `[a, b, a]`, shortest first. */
  newCycles: z.array(z.array(z.string().min(1)).min(2)),
  /** What computed the move, for the plan: `TypeScript 5.9.3 "Move to file"`, `rope 1.7.0 (/usr/bin/python3)`. */
  engine: z.string(),
});

export type MoveFacts = z.infer<typeof moveFactsSchema>;
