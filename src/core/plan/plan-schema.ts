import { z } from 'zod';

const identifier = z.string().min(1);
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a workspace-relative path without ".."',
  });

export const planEditSchema = z.strictObject({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  length: z.number().int().nonnegative(),
  oldText: z.string(),
  newText: z.string(),
});

export const editNodeSchema = z.strictObject({
  id: z.string().min(1),
  op: z.literal('edit'),
  file: relativePath,
  edits: z.array(planEditSchema).min(1),
});

export const testNodeSchema = z.strictObject({
  id: z.string().min(1),
  op: z.literal('test'),
  /** Shell-free argv of the test command. */
  command: z.array(z.string()).min(1),
});

export const checkNodeSchema = z.strictObject({
  id: z.string().min(1),
  op: z.literal('check'),
  compile: z.enum(['tsc', 'py_compile', 'none']),
  /** The old name and how many whole-word occurrences each file may still hold after the edits. */
  staleScan: z.strictObject({
    name: identifier,
    remaining: z.record(z.string(), z.number().int().nonnegative()),
  }),
});

export const commitNodeSchema = z.strictObject({
  id: z.string().min(1),
  op: z.literal('commit'),
  message: z.string().min(1),
});

export const dagNodeSchema = z.discriminatedUnion('op', [
  editNodeSchema,
  testNodeSchema,
  checkNodeSchema,
  commitNodeSchema,
]);

export const phaseSettingsSchema = z.discriminatedUnion('phase', [
  z.strictObject({
    phase: z.literal('map'),
    targets: z.array(z.enum(['ripgrep', 'dependency_graph', 'slice_cache'])).min(1),
  }),
  z.strictObject({ phase: z.literal('logic') }),
  z.strictObject({
    phase: z.literal('monte_carlo'),
    duration_limit_ms: z.number().int().positive(),
    seed: z.number().int().nonnegative(),
  }),
  z.strictObject({ phase: z.literal('plan') }),
  z.strictObject({ phase: z.literal('optimize') }),
  z.strictObject({ phase: z.literal('execute') }),
  z.strictObject({ phase: z.literal('review') }),
]);

export const intentSchema = z.strictObject({
  kind: z.literal('rename'),
  from: identifier,
  to: identifier,
  symbolKind: z.enum(['any', 'function', 'class', 'method', 'variable']),
  container: z.string().optional(),
  scope: z.string().optional(),
  language: z.enum(['typescript', 'python']).optional(),
  confidence: z.number().min(0).max(1),
});

export const executionPlanSchema = z.strictObject({
  version: z.literal(1),
  command: z.string().min(1),
  intent: intentSchema,
  base: z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-character commit sha'),
  tokenBudget: z.number().int().positive(),
  maxRetries: z.number().int().min(0).max(10),
  phases: z.array(phaseSettingsSchema).min(1),
  dag: z.strictObject({
    nodes: z.array(dagNodeSchema).min(1),
    edges: z.array(z.tuple([z.string(), z.string()])),
  }),
});

export type PlanEdit = z.infer<typeof planEditSchema>;
export type EditNode = z.infer<typeof editNodeSchema>;
export type TestNode = z.infer<typeof testNodeSchema>;
export type CheckNode = z.infer<typeof checkNodeSchema>;
export type CommitNode = z.infer<typeof commitNodeSchema>;
export type DagNode = z.infer<typeof dagNodeSchema>;
export type PhaseSettings = z.infer<typeof phaseSettingsSchema>;
export type ExecutionPlanData = z.infer<typeof executionPlanSchema>;
