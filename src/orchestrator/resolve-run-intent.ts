import { DEFAULT_MAX_RETRIES } from '../core/pipeline/retry-policy.js';
import { resolveSettings } from '../core/settings.js';
import { ATTR } from '../core/span-attributes.js';
import type { ModelCallTracer, SpanRunner } from '../core/spans.js';
import { toCommandText } from '../intent/parse-intent.js';
import { createPlannerFromEnv } from '../intent/planners/create-planner.js';
import type { IntentPlanner } from '../intent/planners/intent-planner.js';
import { describePlanner, planIntent } from '../intent/planners/plan-intent.js';
import type { CommandInput } from '../intent/resolve-command-input.js';
import {
  type PlannerMode,
  type UnderstoodCommand,
  understandCommand,
} from '../intent/understand-command.js';
import { countTokens, trimToTokenBudget } from '../telemetry/count-tokens.js';

/** How a command is understood, as a run's options say. */
export interface ResolveIntentOptions {
  /** @default 'auto' */
  plannerMode?: PlannerMode;
  /** The model planner; when absent, the one `ORCHESTRATOR_PLANNER` configures (if any). */
  planner?: IntentPlanner;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Progress (`asking the model…`, the intent it chose) and warnings (a trimmed prompt). */
  progress?: (message: string) => void;
  warn?: (message: string) => void;
  /**
   * Opens the trace the model's calls go to (the run's), called only when a model is asked: the
   * planning is then one `intent` span with each model call an `LLM` span inside it.
   */
  openTrace?: () => Promise<SpanRunner & ModelCallTracer>;
}

/**
 * The command's intent: the grammar's, or a model planner's when the grammar cannot place the
 * command (or `plannerMode: 'model'`), held to the token budgets of the environment's settings
 * (`CLAUDE_CODE_THINKING_BUDGET_TOKENS`, the run's 28,672, `CLAUDE_CODE_MAX_OUTPUT_TOKENS`) and
 * retried up to the phases' retry budget. The intent a model chose is said through `progress`.
 */
export async function resolveRunIntent(
  input: CommandInput,
  options: ResolveIntentOptions = {},
): Promise<UnderstoodCommand> {
  const env = options.env ?? process.env;
  const mode = options.plannerMode ?? 'auto';
  const needsWords = typeof input === 'string';
  const planner =
    options.planner ?? (mode === 'grammar' || !needsWords ? undefined : createPlannerFromEnv(env));
  const understood = await understandCommand(input, {
    mode,
    ...(planner ? { planner } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    plan: async (chosen, command) => {
      const settings = resolveSettings(env);
      const tracer = await options.openTrace?.();
      const plan = () =>
        planIntent(command, {
          planner: chosen,
          tokens: { count: countTokens, trim: trimToTokenBudget },
          phaseTokenBudget: settings.phaseTokenBudget,
          runTokenBudget: settings.runTokenBudget,
          maxOutputTokens: settings.maxOutputTokens,
          maxRetries: DEFAULT_MAX_RETRIES,
          ...(options.signal ? { signal: options.signal } : {}),
          warn: options.warn ?? (() => {}),
          ...(tracer ? { tracer } : {}),
        });
      if (!tracer) return plan();
      return tracer.withSpan(
        'phase.intent',
        { [ATTR.spanKind]: 'CHAIN', [ATTR.phase]: 'intent', 'orchestrator.planner': chosen.name },
        async (span) => {
          const planned = await plan();
          // Token counts stay on the LLM spans: a viewer sums them over the trace.
          span.setAttributes({
            'orchestrator.planner.model': planned.model,
            'orchestrator.intent.kind': planned.intent.kind,
            'orchestrator.intent.model_calls': planned.usage.calls,
            'orchestrator.reasoning.step_count': planned.steps.length,
          });
          return planned;
        },
      );
    },
  });
  if (understood.planned && planner) {
    const { usage } = understood.planned;
    options.progress?.(
      `the ${describePlanner(planner, understood.planned.model)} chose ${JSON.stringify(understood.intent)} ("${toCommandText(understood.intent)}"; ${usage.calls} call${usage.calls === 1 ? '' : 's'}, ${usage.inputTokens} input and ${usage.outputTokens} output tokens${usage.usageFrom === 'api' ? '' : ', counted'})`,
    );
  }
  return understood;
}
