import type { Phase } from '../../core/phase.js';
import { DEFAULT_MAX_RETRIES } from '../../core/pipeline/retry-policy.js';
import { ExecutionPlan } from '../../core/plan/execution-plan.js';
import { requireUpstream } from '../shared/require-upstream.js';
import { buildPlanData } from './build-plan.js';
import { chooseCompile } from './choose-compile.js';
import { testCommandOf } from './detect-test-command.js';

/**
 * PLAN: turns the LOGIC result into an ExecutionPlan (a schema-checked, acyclic JSON DAG),
 * byte-identical for the same command on the same commit, and writes it to plan.json.
 */
export function createPlanPhase(): Phase<'plan'> {
  return {
    name: 'plan',
    async run(context, upstream) {
      const logic = requireUpstream(upstream, 'logic', 'PLAN');
      const [testCommand, compile] = await Promise.all([
        testCommandOf(context),
        Promise.resolve(chooseCompile(context.options.compile)),
      ]);
      const plan = ExecutionPlan.create(
        buildPlanData({
          command: context.command,
          intent: context.intent,
          ...(context.options.intentSource ? { intentSource: context.options.intentSource } : {}),
          base: context.baseCommit,
          tokenBudget: context.settings.phaseTokenBudget,
          maxRetries: DEFAULT_MAX_RETRIES,
          phases: context.options.phaseSettings,
          logic,
          testCommand,
          compile,
        }),
      );
      const text = plan.toJson();
      const planPath = await context.runFiles.writeText('plan.json', text);
      return {
        success: true,
        output: { plan, planPath },
        data: {
          planPath,
          nodes: plan.data.dag.nodes.length,
          edges: plan.data.dag.edges.length,
          order: plan.order,
          testCommand,
          compile,
        },
        // What a model would read: the same plan without the indentation (half the tokens).
        contextPack: JSON.stringify(plan.data),
      };
    },
  };
}
