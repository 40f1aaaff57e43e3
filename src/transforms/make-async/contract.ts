import { z } from 'zod';

/**
 * The contract between make_async's two halves: what its language half (inside the
 * dependency_graph server, one per language) takes as `compute_edits` args and reports as
 * facts, beside the file changes it computes. Positions are 1-based, UTF-16 columns.
 */

const position = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** A function (or method, arrow, function expression) by where its name is declared. */
export const functionRefSchema = position.extend({
  name: z.string().min(1),
  /** The class (or object, interface) that declares it. */
  container: z.string().optional(),
  kind: z.enum(['function', 'method', 'arrow', 'function-expression']),
});

export type FunctionRef = z.infer<typeof functionRefSchema>;

/** `compute_edits` args of make_async. */
export const makeAsyncArgsSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    /** Compute the conversion. */
    mode: z.literal('convert'),
    /** Function form: the functions to convert, by their name's position. */
    roots: z.array(position).optional(),
    /**
     * Module form: the module's files; the roots are its functions that block, directly or
     * through other functions of the same files (by the language's table of blocking calls).
     */
    files: z.array(z.string().min(1)).optional(),
  }),
  z.strictObject({
    /** Check a changed tree (given as the call's overlay): is every call of these awaited? */
    mode: z.literal('verify'),
    /** The converted functions, at their name's position in the changed tree. */
    functions: z.array(position.extend({ name: z.string().min(1) })),
  }),
]);

export type MakeAsyncArgs = z.infer<typeof makeAsyncArgsSchema>;

/** Why a function joined the closure. */
export const closureEntrySchema = functionRefSchema.extend({
  /** `root`, `calls fetch_prices at risk/management.py:31`, `overrides Base.load`, … */
  reason: z.string().min(1),
});

/** Where propagation stops, and what happens there. */
export const boundarySchema = position.extend({
  kind: z.enum([
    'module-level',
    'main-block',
    'entry-point',
    'test',
    'dunder',
    'property',
    'constructor',
    'accessor',
    'callback',
    'value',
    'doctest',
    'generator',
    'other',
  ]),
  /** What is there, for people: `if __name__ == "__main__": main()`, `sorted(key=score)`, … */
  detail: z.string(),
  /** The chain from the root to here, nearest last: `["post_entry", "batch_post", "Ledger.total"]`. */
  chain: z.array(z.string()),
  /** `wrapped`: made safe (how says how); `refused`: no safe way — the run refuses. */
  handling: z.enum(['wrapped', 'refused']),
  /** `asyncio.run(...)`, `top-level await`, `async IIFE`, `await Promise.all(...)`, `async test`, … */
  how: z.string().optional(),
});

export type Boundary = z.infer<typeof boundarySchema>;

/** A blocking call rewritten to its async equivalent. */
export const rewriteSchema = position.extend({
  /** The call as written, e.g. `time.sleep(0.1)`. */
  from: z.string(),
  /** What it becomes, e.g. `await asyncio.sleep(0.1)`. */
  to: z.string(),
  /** The table entry, e.g. `time.sleep → asyncio.sleep`, `blocking call → asyncio.to_thread`. */
  rule: z.string(),
});

/** A blocking call found in a module (what makes a module-form root). */
export const blockingCallSchema = position.extend({
  call: z.string(),
  /** The function it is in (qualified: `Class.method`). */
  function: z.string(),
});

/** Facts of `mode: 'convert'`. */
export const convertFactsSchema = z.object({
  /** The roots (the function form's, or the module's blocking functions). */
  roots: z.array(functionRefSchema),
  /** Every function converted, with the reason it joined, in a stable order. */
  closure: z.array(closureEntrySchema),
  /** Roots that are async already (nothing to do for them). */
  alreadyAsync: z.array(functionRefSchema),
  /** Roots that are generators (refused: an async generator is another thing). */
  generators: z.array(functionRefSchema),
  boundaries: z.array(boundarySchema),
  rewrites: z.array(rewriteSchema),
  blocking: z.array(blockingCallSchema),
});

export type ConvertFacts = z.infer<typeof convertFactsSchema>;

/** Facts of `mode: 'verify'`: calls of converted functions nothing awaits. */
export const verifyFactsSchema = z.object({
  unawaited: z.array(
    position.extend({
      /** The converted function called there. */
      function: z.string(),
      lineText: z.string(),
    }),
  ),
});

export type VerifyFacts = z.infer<typeof verifyFactsSchema>;
