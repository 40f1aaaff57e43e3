import { OrchestratorError } from '../../core/errors.js';
import type { ModelPhaseUsage } from '../../core/model-usage.js';
import type { TokenCounter } from '../../core/services.js';
import type { ModelCallTracer } from '../../core/spans.js';
import type { Intent } from '../all-intents.js';
import type {
  IntentPlanner,
  PlannerAnswer,
  PlannerMessage,
  PlannerPrompt,
} from './intent-planner.js';
import { buildPlannerPrompt } from './planner-prompt.js';
import { readAnswer } from './read-answer.js';

/** What a planning call is held to, and where it reports. */
export interface PlanIntentOptions {
  readonly planner: IntentPlanner;
  readonly tokens: TokenCounter;
  /** Most tokens one call's prompt may hold (`CLAUDE_CODE_THINKING_BUDGET_TOKENS`). @default 4096 */
  readonly phaseTokenBudget: number;
  /** Tokens the run has left (28,672 at its start); every prompt sent is taken from it. */
  readonly runTokenBudget: number;
  /** Every call's `max_tokens` (`CLAUDE_CODE_MAX_OUTPUT_TOKENS`). @default 4096 */
  readonly maxOutputTokens: number;
  /** Answers asked for again after an invalid one. @default 3 */
  readonly maxRetries: number;
  readonly signal?: AbortSignal;
  readonly warn: (message: string) => void;
  /** Each model call becomes an OpenInference `LLM` span when given. */
  readonly tracer?: ModelCallTracer;
}

/** The intent a model chose, and what choosing it cost. */
export interface PlannedIntent {
  readonly intent: Intent;
  readonly planner: IntentPlanner['name'];
  readonly model: string;
  readonly usage: ModelPhaseUsage;
  /** The last prompt sent, as text (saved as context/intent.txt). */
  readonly prompt: string;
  /** The model's numbered reasoning steps with the answer taken, in order (empty when it gave none). */
  readonly steps: readonly string[];
}

/**
 * Asks `planner` for the intent of `command`: the prompt is counted before each call and held
 * to the phase budget and what the run has left (examples trimmed, with a warning); an answer
 * that does not validate is sent back with what was wrong, up to `maxRetries` times. Throws
 * `INTENT_UNRECOGNISED` when the model says the command is unclear, `MODEL_ANSWER_INVALID`
 * naming the last problem when no answer validated, `TOKEN_BUDGET_EXCEEDED`, or the planner's
 * own errors.
 */
export async function planIntent(
  command: string,
  options: PlanIntentOptions,
): Promise<PlannedIntent> {
  const { planner } = options;
  const started = performance.now();
  const maxTokensSource = `CLAUDE_CODE_MAX_OUTPUT_TOKENS=${options.maxOutputTokens}`;
  let retry: PlannerMessage[] = [];
  let spent = 0;
  const usage = { calls: 0, inputTokens: 0, outputTokens: 0, counted: false };
  const problems: string[] = [];
  for (let attempt = 0; attempt <= options.maxRetries; attempt += 1) {
    const runLeft = options.runTokenBudget - spent;
    const budget =
      runLeft < options.phaseTokenBudget
        ? {
            tokens: Math.max(0, runLeft),
            source: `what is left of the run's ${options.runTokenBudget}-token budget`,
          }
        : {
            tokens: options.phaseTokenBudget,
            source: `CLAUDE_CODE_THINKING_BUDGET_TOKENS=${options.phaseTokenBudget}`,
          };
    const built = buildPlannerPrompt(command, retry, {
      budget,
      maxTokens: options.maxOutputTokens,
      tokens: options.tokens,
    });
    if (built.droppedExamples > 0 && attempt === 0) {
      options.warn(
        `intent: the model planner's prompt was trimmed to the ${budget.tokens}-token budget (${budget.source}): ${built.droppedExamples} of its examples left out.`,
      );
    }
    spent += built.tokens;
    const answer = await ask(planner, built.prompt, built.tokens, options);
    usage.calls += 1;
    if (answer.usage) {
      usage.inputTokens += answer.usage.inputTokens;
      usage.outputTokens += answer.usage.outputTokens;
    } else {
      usage.counted = true;
      usage.inputTokens += built.tokens;
      usage.outputTokens += options.tokens.count(answerText(answer));
    }
    const toUsage = (): ModelPhaseUsage => ({
      phase: 'intent',
      planner: planner.name,
      model: answer.model,
      durationMs: Math.round(performance.now() - started),
      calls: usage.calls,
      promptTokens: spent,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      usageFrom: usage.counted ? 'counted' : 'api',
    });
    const reading = readAnswer(answer, maxTokensSource);
    if (reading.type === 'intent') {
      const { reasoning } = reading;
      if (reasoning.type === 'none' && reasoning.problem !== undefined) {
        options.warn(
          `intent: the model's reasoning steps were left out: ${reasoning.problem}. Its intent is used as given.`,
        );
      }
      return {
        intent: reading.intent,
        planner: planner.name,
        model: answer.model,
        usage: toUsage(),
        prompt: built.text,
        steps: reasoning.type === 'steps' ? reasoning.steps : [],
      };
    }
    if (reading.type === 'unclear') {
      throw new OrchestratorError(
        'INTENT_UNRECOGNISED',
        `Could not understand the command ${JSON.stringify(command.slice(0, 200))}: the grammar could not place it, and the model (${describePlanner(planner, answer.model)}) says: ${reading.reason}. Say it as one of the supported forms (mcp-orchestrator --help), or give --intent '<json>'.`,
        {
          data: {
            command: command.slice(0, 200),
            reason: 'model-unclear',
            model: answer.model,
            modelUsage: toUsage(),
          },
        },
      );
    }
    problems.push(reading.problem);
    if (attempt < options.maxRetries) {
      options.warn(
        `intent: the model's answer ${attempt + 1} was not a valid intent (${firstLine(reading.problem)}); asking again.`,
      );
    }
    retry = [
      { role: 'assistant', text: clip(answerText(withoutSteps(answer)), 600) },
      {
        role: 'user',
        text: `That answer was not a valid intent: ${reading.problem}\nAnswer again with one call of submit_intent, {"steps": [...], "intent": {...}}, following the schema.`,
      },
    ];
  }
  throw new OrchestratorError(
    'MODEL_ANSWER_INVALID',
    `The model (${describePlanner(planner, planner.model)}) gave no valid intent for ${JSON.stringify(command.slice(0, 200))} in ${problems.length} answers; the last: ${problems.at(-1)}\nNothing was changed. Say the command as one of the supported forms (mcp-orchestrator --help), or give --intent '<json>'.`,
    { data: { command: command.slice(0, 200), problems, calls: usage.calls } },
  );
}

/** One call, in a model-call span when there is a tracer (the API's usage, else counted). */
async function ask(
  planner: IntentPlanner,
  prompt: PlannerPrompt,
  promptTokens: number,
  options: PlanIntentOptions,
): Promise<PlannerAnswer> {
  const call = () => planner.ask(prompt, options.signal ? { signal: options.signal } : {});
  if (!options.tracer) return call();
  return options.tracer.traceModelCall(
    {
      modelName: planner.model,
      provider: planner.name,
      messages: [
        { role: 'system', content: prompt.system },
        ...prompt.messages.map((m) => ({ role: m.role, content: m.text })),
      ],
      invocationParameters: { max_tokens: prompt.maxTokens, tool: prompt.tool.name },
    },
    async (span) => {
      const answer = await call();
      span.recordResponse({
        promptTokens: answer.usage?.inputTokens ?? promptTokens,
        completionTokens: answer.usage?.outputTokens ?? options.tokens.count(answerText(answer)),
        messages: [{ role: 'assistant', content: answerText(answer) }],
      });
      return answer;
    },
  );
}

/** `openai model llama3 at OPENAI_BASE_URL=http://…`. */
export function describePlanner(planner: IntentPlanner, model = planner.model): string {
  return `${planner.name} model ${model} at ${planner.endpoint}`;
}

function answerText(answer: PlannerAnswer): string {
  return answer.payload.type === 'text'
    ? answer.payload.text
    : JSON.stringify(answer.payload.value);
}

/** The answer sent back after a bad one, without its steps: the clipped text keeps the intent. */
function withoutSteps(answer: PlannerAnswer): PlannerAnswer {
  const { payload } = answer;
  const value = payload.type === 'json' ? payload.value : parseObject(payload.text);
  if (typeof value !== 'object' || value === null || !('steps' in value)) return answer;
  const { steps: _, ...rest } = value as Record<string, unknown>;
  return { ...answer, payload: { type: 'json', value: rest } };
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  return clip(text.split('\n')[0] ?? text, 160);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
