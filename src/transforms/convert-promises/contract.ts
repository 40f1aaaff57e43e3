import { z } from 'zod';

/**
 * The contract between convert_promises' two halves: what its language half (inside the
 * dependency_graph server) takes as `compute_edits` args and reports as facts beside the file
 * changes. Positions are 1-based, UTF-16 columns.
 */

const position = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** `compute_edits` args of convert_promises. */
export const convertPromisesArgsSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    /** Convert the functions TypeScript suggests `convertToAsyncFunction` for. */
    mode: z.literal('convert'),
    /** Path form: the files to look in (every suggested function in them is converted). */
    files: z.array(z.string().min(1)).min(1).optional(),
    /** Function form: the one function, by the position of its name. */
    function: position.optional(),
  }),
  z.strictObject({
    /** Check a changed tree (given as the call's overlay). */
    mode: z.literal('verify'),
    /** The converted functions, by where their body's `{` sits in the changed tree. */
    functions: z.array(position.extend({ name: z.string().min(1) })),
  }),
]);

export type ConvertPromisesArgs = z.infer<typeof convertPromisesArgsSchema>;

/** What kind of function a converted (or declined) one is. */
export const functionKindSchema = z.enum(['function', 'method', 'arrow', 'function-expression']);

/** A function, by the position of its name (or of the function itself when it has none). */
export const promiseFunctionSchema = position.extend({
  /** `load`, `Store.get`, or `(arrow function)` for an anonymous one. */
  name: z.string().min(1),
  kind: functionKindSchema,
});

export type PromiseFunction = z.infer<typeof promiseFunctionSchema>;

/** A function converted by TypeScript's code fix. */
export const convertedFunctionSchema = promiseFunctionSchema.extend({
  /**
   * 1: fixed on the files as they are; 2, 3…: fixed after the function around it, because the
   * two fixes overlap (its fix is computed on the text the earlier one wrote).
   */
  round: z.number().int().positive(),
  /** Where its body's `{` sits once every change is applied (for REVIEW). */
  body: position.optional(),
});

export type ConvertedFunction = z.infer<typeof convertedFunctionSchema>;

/** Why a function that calls `.then`/`.catch` (or was named) is not converted. */
export const declineReasonSchema = z.enum([
  'not-a-function',
  'already-async',
  'generator',
  'expression-body',
  'no-chain',
  'chain-not-returned',
  'not-a-promise',
  'unsupported-chain',
  'finally',
  'fix-declined',
]);

export type DeclineReason = z.infer<typeof declineReasonSchema>;

/** A function left as it is, and why. */
export const declinedFunctionSchema = promiseFunctionSchema.extend({
  reason: declineReasonSchema,
  /** What it is instead, for `not-a-function` (`a class`, `a variable`). */
  detail: z.string().optional(),
});

export type DeclinedFunction = z.infer<typeof declinedFunctionSchema>;

/** Facts of `mode: 'convert'`. */
export const convertFactsSchema = z.object({
  /** Every function converted, in file and position order. */
  converted: z.array(convertedFunctionSchema),
  /** The function form's function when it is not converted; in the path form, the functions
   * that call `.then`/`.catch`/`.finally` but are not converted. */
  declined: z.array(declinedFunctionSchema),
  /** The files looked in. */
  examined: z.array(z.string()),
  /** Files of the path TypeScript does not load (so nothing in them was looked at). */
  skipped: z.array(z.string()),
  /** `TypeScript 5.9.3 convertToAsyncFunction`. */
  engine: z.string(),
});

export type ConvertFacts = z.infer<typeof convertFactsSchema>;

/** Facts of `mode: 'verify'`: what is wrong with each converted function in the changed tree. */
export const verifyFactsSchema = z.object({
  problems: z.array(position.extend({ name: z.string(), problem: z.string() })),
});

export type VerifyFacts = z.infer<typeof verifyFactsSchema>;
