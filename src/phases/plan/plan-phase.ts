import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../../core/errors.js';
import type { Phase, PhaseContext, PhaseOutcome } from '../../core/phase.js';
import { ExecutionPlan } from '../../core/plan/execution-plan.js';
import { buildPlanData } from './build-plan.js';
import { detectTestCommand } from './detect-test-command.js';

/** Retries per phase written into every plan. */
export const DEFAULT_MAX_RETRIES = 3;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * PLAN: turns the LOGIC result into an ExecutionPlan (a schema-checked, acyclic JSON DAG),
 * byte-identical for the same command on the same commit, and writes it to plan.json.
 */
export function createPlanPhase(): Phase {
  return {
    name: 'plan',
    async run(context: PhaseContext): Promise<PhaseOutcome> {
      const logic = context.state.logic;
      if (!logic) throw new OrchestratorError('INTERNAL', 'PLAN needs the LOGIC result.');
      const testCommand = await detectTestCommand({
        workspace: context.workspace,
        python: context.git.pythonInterpreter(),
        ...(context.options.testCommand ? { override: context.options.testCommand } : {}),
        signal: context.signal,
      });
      const compile =
        logic.language === 'python'
          ? 'py_compile'
          : (await exists(path.join(context.workspace, 'tsconfig.json')))
            ? 'tsc'
            : 'none';
      const plan = ExecutionPlan.create(
        buildPlanData({
          command: context.command,
          intent: context.intent,
          base: context.baseCommit,
          tokenBudget: context.settings.phaseTokenBudget,
          maxRetries: DEFAULT_MAX_RETRIES,
          phases: context.options.phaseSettings,
          logic,
          testCommand,
          compile,
        }),
      );
      const planPath = path.join(context.runDir, 'plan.json');
      const text = plan.toJson();
      await writeFile(planPath, text);
      context.state.plan = { plan, planPath };
      return {
        success: true,
        data: {
          planPath,
          nodes: plan.data.dag.nodes.length,
          edges: plan.data.dag.edges.length,
          order: plan.order,
          testCommand,
          compile,
        },
        contextPack: text,
      };
    },
  };
}
