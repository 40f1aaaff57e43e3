import { z } from 'zod';

/**
 * The contract between the parameter transforms' halves (add_parameter, remove_parameter):
 * the facts their language halves report beside the edits, and the verify mode both share.
 * Positions are 1-based, UTF-16 columns.
 */

const position = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** Why a signature change cannot be made as asked; each refuses the run. */
export const PROBLEM_CODES = [
  /** The name is not a `def`/function/method, or one the transform cannot change (property, constructor). */
  'unsupported-target',
  /** A declaration already has a parameter of that name. */
  'already-a-parameter',
  /** The body binds or uses the name, so a new parameter would shadow or capture it. */
  'shadows-a-name',
  /** The default, value or type is not an expression (or type) of the language. */
  'bad-text',
  /** A declaration without a body needs the parameter's type, and it cannot be told from the default. */
  'needs-a-type',
  /** A Python positional-only parameter has a default, so a required one cannot follow. */
  'positional-only-default',
  /** The method overrides a concrete method that keeps the old signature. */
  'concrete-base',
  /** A call passes arguments through `*args`/spread where the parameter's position is. */
  'unknown-position',
  /** A call already passes the name as a keyword (into `**kwargs`). */
  'keyword-passed',
  /** A call may pass the required parameter inside `**kwargs`. */
  'in-keyword-spread',
  /** `f(x for x in y)`: another argument needs the generator parenthesized. */
  'generator-argument',
  /** The function is used as a value, through `.call/.apply/.bind`, or as a decorator. */
  'dynamic-use',
  /** The declaration has no parameter of that name. */
  'no-such-parameter',
  /** An override or implementation does not take the parameter. */
  'override-lacks',
  /** The body (of the declaration or an override) still uses the parameter. */
  'uses-parameter',
  /** `*args`, `**kwargs`, a rest parameter. */
  'variadic',
  /** `self`, `cls`, `this`. */
  'receiver',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One reason to refuse, where it is. */
export const problemSchema = position.extend({
  code: z.enum(PROBLEM_CODES),
  lineText: z.string(),
  /** For people: `called through *args`, `uses verbose`, … */
  detail: z.string(),
});

export type Problem = z.infer<typeof problemSchema>;

/** Something the change leaves as it is, safely, that a reviewer should know about. */
export const reportedSchema = position.extend({
  kind: z.string().min(1),
  lineText: z.string(),
  detail: z.string(),
});

export type Reported = z.infer<typeof reportedSchema>;

/** A declaration that changes. */
export const declarationFactSchema = position.extend({
  name: z.string().min(1),
  container: z.string().optional(),
  role: z.enum(['target', 'override', 'abstract', 'implementation']),
  kind: z.enum(['function', 'method']),
  /** The parameters as they are before the change. */
  parameters: z.array(z.string()),
});

export type DeclarationFact = z.infer<typeof declarationFactSchema>;

/** What happened at one call. */
export const callFactSchema = position.extend({
  edit: z.enum(['positional', 'keyword', 'removed', 'none']),
});

export type CallFact = z.infer<typeof callFactSchema>;

/** What the language half reports beside its edits (`compute_edits` facts, mode `edit`). */
export const signatureFactsSchema = z.object({
  declarations: z.array(declarationFactSchema),
  calls: z.array(callFactSchema),
  problems: z.array(problemSchema),
  reported: z.array(reportedSchema),
  /** Every occurrence of the name the half accounted for (declarations, calls, imports, …), sorted. */
  references: z.array(position),
});

export type SignatureFacts = z.infer<typeof signatureFactsSchema>;

/** `compute_edits` args of mode `verify`: check the changed tree (given as the overlay). */
export const signatureVerifyArgsSchema = z.strictObject({
  mode: z.literal('verify'),
  name: z.string().min(1),
  /** The changed declarations, where their names are in the changed tree. */
  declarations: z.array(position),
  /** `present`: every declaration has the parameter; `absent`: none has it. */
  expect: z.enum(['present', 'absent']),
  /** Every call must pass the parameter (add_parameter with a value). */
  callsPass: z.boolean(),
});

export type SignatureVerifyArgs = z.infer<typeof signatureVerifyArgsSchema>;

/** Facts of mode `verify`. */
export const signatureVerifyFactsSchema = z.object({
  /** Each declaration's parameters in the changed tree (null: no function there). */
  declarations: z.array(position.extend({ parameters: z.array(z.string()).nullable() })),
  /** Calls of the declarations: does each pass the parameter (by position or keyword)? */
  calls: z.array(
    position.extend({ lineText: z.string(), passes: z.enum(['yes', 'no', 'unknown']) }),
  ),
});

export type SignatureVerifyFacts = z.infer<typeof signatureVerifyFactsSchema>;
