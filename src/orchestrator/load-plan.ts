import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { ExecutionPlan } from '../core/plan/execution-plan.js';
import { toIssueList } from '../core/zod-issues.js';
import { validateIntent } from '../intent/parse-intent.js';
import { validatePhaseSettings } from '../phases/phase-settings.js';
import { transformFor } from '../transforms/registry.js';

/**
 * Reads and validates a saved (possibly hand-edited) plan: its shape (core), its phase
 * settings (each phase's schema), its intent and verify checks (the transform's schemas), and
 * that every change is one the transform may write. Throws `PLAN_INVALID` naming the field.
 */
export async function loadPlan(planPath: string): Promise<ExecutionPlan> {
  let text: string;
  try {
    text = await readFile(planPath, 'utf8');
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Cannot read the plan file ${planPath}: ${(error as Error).message}`,
      { data: { file: planPath } },
    );
  }
  const source = path.basename(planPath);
  const plan = ExecutionPlan.fromJson(text, source);
  validatePhaseSettings(plan.data.phases, `${source} field phases`);
  const intent = validatePlanIntent(plan, source);
  const transform = transformFor(intent.kind);
  const check = plan.node('check');
  for (const [index, entry] of (check?.verify ?? []).entries()) {
    const parsed = transform.verifySchema.safeParse(entry);
    if (!parsed.success) {
      throw new OrchestratorError(
        'PLAN_INVALID',
        `${source} field check.verify[${index}] is not a ${intent.kind} check:\n  ${toIssueList(parsed.error).join('\n  ')}`,
        { data: { source, field: `check.verify[${index}]` } },
      );
    }
  }
  const problems = plan
    .fileChanges()
    .flatMap((change) => transform.checkChange(intent, change) ?? []);
  if (problems.length > 0) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `${source} holds changes a ${intent.kind} may not make:\n  ${problems.join('\n  ')}\nMake a new plan.`,
      { data: { source, problems } },
    );
  }
  return plan;
}

function validatePlanIntent(plan: ExecutionPlan, source: string) {
  try {
    return validateIntent(plan.data.intent, `${source} field intent`);
  } catch (error) {
    if (error instanceof OrchestratorError) {
      throw new OrchestratorError('PLAN_INVALID', error.message, {
        data: error.data,
        cause: error,
      });
    }
    throw error;
  }
}
