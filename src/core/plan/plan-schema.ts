import { z } from 'zod';
import { optimizeSectionSchema } from './optimize-section-schema.js';

/** The plan format this version writes and reads. */
export const PLAN_VERSION = 2;

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\'), {
    message: 'must be a workspace-relative POSIX path without ".."',
  });
const position = z.tuple([z.number().int().positive(), z.number().int().positive()]);
const nodeId = z.string().min(1);

export const rangeEditSchema = z.strictObject({
  start: position,
  end: position,
  oldText: z.string(),
  newText: z.string(),
  reason: z.string().min(1),
});

export const editNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('edit'),
  file: relativePath,
  edits: z.array(rangeEditSchema).min(1),
});

export const createNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('create'),
  file: relativePath,
  text: z.string(),
  reason: z.string().min(1),
});

export const deleteNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('delete'),
  file: relativePath,
  reason: z.string().min(1),
});

export const moveNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('move'),
  file: relativePath,
  to: relativePath,
  reason: z.string().min(1),
});

export const testNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('test'),
  /** Shell-free argv of the test command. */
  command: z.array(z.string().min(1)).min(1),
});

/**
 * How the changed tree is compiled / type-checked, recorded in the plan: the language
 * servers' type checkers (the default), a command of the user's (`--compile-command`), or
 * nothing (`--no-compile`, or nothing to check), with the reason. Either way only what is new
 * against the base commit fails the run.
 */
export const compileSettingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('language-service') }),
  z.strictObject({ kind: z.literal('command'), command: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ kind: z.literal('none'), reason: z.string().min(1) }),
]);

export const verifyCheckSchema = z.looseObject({ check: z.string().min(1) });

export const checkNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('check'),
  compile: compileSettingSchema,
  /** The transform's own post-conditions; each is validated by that transform. */
  verify: z.array(verifyCheckSchema),
});

export const commitNodeSchema = z.strictObject({
  id: nodeId,
  op: z.literal('commit'),
  message: z.string().min(1),
});

export const dagNodeSchema = z.discriminatedUnion('op', [
  editNodeSchema,
  createNodeSchema,
  deleteNodeSchema,
  moveNodeSchema,
  testNodeSchema,
  checkNodeSchema,
  commitNodeSchema,
]);

/** One phase's settings; each phase validates its own entry (`src/phases/phase-settings.ts`). */
export const phaseSettingsEntrySchema = z.looseObject({ phase: z.string().min(1) });

const leftAloneSchema = z.strictObject({
  file: relativePath,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  length: z.number().int().nonnegative(),
  reason: z.enum([
    'comment',
    'string',
    'text',
    'other-symbol',
    'unresolved',
    'not-a-call',
    're-export',
    'side-effect',
  ]),
  detail: z.string(),
});

const definitionSchema = z.strictObject({
  file: relativePath,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  name: z.string().min(1),
  kind: z.string().min(1),
  language: z.enum(['typescript', 'python']),
  container: z.string().optional(),
});

/** Who chose the intent when it was not the grammar: the model planner and the model. */
export const intentSourceSchema = z.strictObject({
  by: z.literal('model'),
  planner: z.string().min(1),
  model: z.string().min(1),
});

export const executionPlanSchema = z.strictObject({
  version: z.literal(PLAN_VERSION),
  command: z.string().min(1),
  /** The transform's intent; validated by the transform of `intent.kind`. */
  intent: z.looseObject({ kind: z.string().min(1) }),
  /** Present when a model planner chose the intent; `apply` replays the intent, asking no model. */
  intentSource: intentSourceSchema.optional(),
  language: z.enum(['typescript', 'python']),
  base: z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-character commit sha'),
  tokenBudget: z.number().int().positive(),
  maxRetries: z.number().int().min(0).max(10),
  phases: z.array(phaseSettingsEntrySchema).min(1),
  /** What LOGIC decided beyond the edits: the symbols, what stays, the transform's own facts. */
  analysis: z.strictObject({
    title: z.string().min(1),
    targets: z.array(definitionSchema),
    leftAlone: z.array(leftAloneSchema),
    details: z.record(z.string(), z.unknown()),
  }),
  dag: z.strictObject({
    nodes: z.array(dagNodeSchema).min(1),
    edges: z.array(z.tuple([nodeId, nodeId])),
  }),
  /** What OPTIMIZE chose when the plan was carried out; absent in a plan PLAN made. */
  optimize: optimizeSectionSchema.optional(),
});

export type RangeEditData = z.infer<typeof rangeEditSchema>;
export type EditNode = z.infer<typeof editNodeSchema>;
export type CreateNode = z.infer<typeof createNodeSchema>;
export type DeleteNode = z.infer<typeof deleteNodeSchema>;
export type MoveNode = z.infer<typeof moveNodeSchema>;
export type TestNode = z.infer<typeof testNodeSchema>;
export type CheckNode = z.infer<typeof checkNodeSchema>;
export type CommitNode = z.infer<typeof commitNodeSchema>;
export type DagNode = z.infer<typeof dagNodeSchema>;
export type ChangeNode = EditNode | CreateNode | DeleteNode | MoveNode;
export type CompileSetting = z.infer<typeof compileSettingSchema>;
export type PhaseSettingsEntry = z.infer<typeof phaseSettingsEntrySchema>;
export type ExecutionPlanData = z.infer<typeof executionPlanSchema>;
export type IntentSource = z.infer<typeof intentSourceSchema>;
