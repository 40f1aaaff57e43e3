import { toErrorMessage } from '../core/errors.js';
import type { ToolCaller } from '../core/services.js';
import { ATTR } from '../core/span-attributes.js';
import type { SpanRunner } from '../core/spans.js';
import type { PlannedIntent } from '../intent/planners/plan-intent.js';

/** The built-in server that records a model planner's reasoning. */
export const REASONING_SERVER = 'sequential-thinking';

/** Its one tool. */
export const REASONING_TOOL = 'sequentialthinking';

/** How a model planner read the command: who, and its numbered reasoning steps. */
export interface IntentReading {
  /** `the openai model llama3.1`. */
  readonly readBy: string;
  /** The steps, in order (step 1 first); empty when the model gave none. */
  readonly steps: readonly string[];
}

/** What recording the steps came to. */
export interface ReasoningRecord {
  /** Steps the sequential-thinking server took. */
  readonly recorded: number;
  /** The server's `thoughtHistoryLength` after the last (a warm server keeps earlier runs' too). */
  readonly historyLength?: number;
}

/** The reading of a model-chosen intent. Pure. */
export function toIntentReading(planned: PlannedIntent): IntentReading {
  return { readBy: `the ${planned.planner} model ${planned.model}`, steps: planned.steps };
}

/**
 * Records the model's reasoning steps in one `intent.reasoning` span (an event per step, with
 * its number and text) and sends each, in order, to the sequential-thinking server's
 * `sequentialthinking` tool (`thoughtNumber`, `totalThoughts`, `nextThoughtNeeded` false on the
 * last): the server starts on the first step, so a run whose intent no model read never starts
 * it. A server that is not configured or fails costs a warning, never the run. Never throws.
 */
export async function recordReasoning(
  reading: IntentReading,
  services: { tools: ToolCaller; spans: SpanRunner },
  options: { signal?: AbortSignal; warn: (message: string) => void },
): Promise<ReasoningRecord> {
  const { steps } = reading;
  if (steps.length === 0) return { recorded: 0 };
  return services.spans.withSpan(
    'intent.reasoning',
    {
      [ATTR.spanKind]: 'CHAIN',
      [ATTR.phase]: 'intent',
      'orchestrator.reasoning.read_by': reading.readBy,
      'orchestrator.reasoning.step_count': steps.length,
    },
    async (span) => {
      steps.forEach((step, i) => {
        span.addEvent('reasoning.step', {
          'orchestrator.reasoning.step.number': i + 1,
          'orchestrator.reasoning.step.text': step,
        });
      });
      if (!services.tools.serverNames().includes(REASONING_SERVER)) {
        options.warn(
          `No ${REASONING_SERVER} server is configured: the model's ${steps.length} reasoning steps are only in the trace and the pull request.`,
        );
        return { recorded: 0 };
      }
      let recorded = 0;
      let historyLength: number | undefined;
      try {
        for (const [i, thought] of steps.entries()) {
          const answer = await services.tools.callTool<{ thoughtHistoryLength?: unknown }>(
            REASONING_SERVER,
            REASONING_TOOL,
            {
              thought,
              thoughtNumber: i + 1,
              totalThoughts: steps.length,
              nextThoughtNeeded: i < steps.length - 1,
            },
            options.signal ? { signal: options.signal } : {},
          );
          recorded = i + 1;
          if (typeof answer.thoughtHistoryLength === 'number') {
            historyLength = answer.thoughtHistoryLength;
          }
        }
      } catch (error) {
        options.warn(
          `The ${REASONING_SERVER} server did not record the model's reasoning (${toErrorMessage(error)}); the steps are still in the trace and the pull request.`,
        );
        span.setError('REASONING_NOT_RECORDED', toErrorMessage(error));
      }
      span.setAttributes({
        'orchestrator.reasoning.recorded': recorded,
        'orchestrator.reasoning.history_length': historyLength,
      });
      return { recorded, ...(historyLength === undefined ? {} : { historyLength }) };
    },
  );
}
