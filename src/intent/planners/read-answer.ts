import { isOrchestratorError } from '../../core/errors.js';
import type { Intent } from '../all-intents.js';
import { validateIntent } from '../parse-intent.js';
import type { PlannerAnswer } from './intent-planner.js';
import {
  MAX_REASONING_STEP_CHARS,
  MAX_REASONING_STEPS,
  reasoningStepsSchema,
} from './intent-tool.js';

/** The model's reasoning steps as read: the valid ones, or why none could be taken. */
export type ReasoningReading =
  | { readonly type: 'steps'; readonly steps: readonly string[] }
  | { readonly type: 'none'; readonly problem?: string };

/** What a model's answer came to: an intent, the model's own "unclear", or what was wrong. */
export type AnswerReading =
  | { readonly type: 'intent'; readonly intent: Intent; readonly reasoning: ReasoningReading }
  | { readonly type: 'unclear'; readonly reason: string }
  | { readonly type: 'invalid'; readonly problem: string };

/**
 * Reads one answer: the tool call's `{"steps": […], "intent": …}` (a bare intent is taken too),
 * or JSON in the text (code fences and prose around it allowed), validated as any intent is (its
 * kind's zod schema, then its transform's checks). Steps that are missing or malformed never
 * sink a valid intent: they are read as none, with what was wrong. Never throws for a bad answer.
 */
export function readAnswer(answer: PlannerAnswer, maxTokensSource: string): AnswerReading {
  const reading = readValue(answer);
  if (reading.type !== 'invalid' || answer.stop !== 'max_tokens') return reading;
  return {
    type: 'invalid',
    problem: `the answer was cut off at max_tokens (${maxTokensSource}) before it was complete: ${reading.problem}`,
  };
}

function readValue(answer: PlannerAnswer): AnswerReading {
  const value = toValue(answer);
  if ('problem' in value) return { type: 'invalid', problem: value.problem };
  const { intent, steps } = unwrap(value.value);
  if (typeof intent !== 'object' || intent === null || Array.isArray(intent)) {
    return {
      type: 'invalid',
      problem: `the answer is not an object {"intent": {"kind": …}}: ${clip(JSON.stringify(value.value))}`,
    };
  }
  const fields = intent as Record<string, unknown>;
  if (fields.kind === 'unclear') {
    const reason =
      typeof fields.reason === 'string' && fields.reason.trim() !== ''
        ? fields.reason.trim()
        : 'no reason given';
    return { type: 'unclear', reason: clip(reason, 300) };
  }
  if (fields.kind === undefined) {
    return {
      type: 'invalid',
      problem: `the intent has no "kind": ${clip(JSON.stringify(intent))}`,
    };
  }
  try {
    const valid = validateIntent(intent, "The model's intent");
    return { type: 'intent', intent: valid, reasoning: readSteps(steps) };
  } catch (error) {
    if (!isOrchestratorError(error)) throw error;
    return { type: 'invalid', problem: error.message };
  }
}

function toValue(answer: PlannerAnswer): { value: unknown } | { problem: string } {
  if (answer.payload.type === 'json') return { value: answer.payload.value };
  const text = answer.payload.text.trim();
  if (text === '') return { problem: 'the answer is empty (no tool call and no text)' };
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1) return { problem: `the answer holds no JSON object: ${clip(text)}` };
  const json = end > start ? text.slice(start, end + 1) : text.slice(start);
  try {
    return { value: JSON.parse(json) as unknown };
  } catch (error) {
    return { problem: `the answer is not valid JSON (${(error as Error).message}): ${clip(json)}` };
  }
}

/** `{"steps": S, "intent": X}` → X and S; a bare intent stays as it is (with no steps). */
function unwrap(value: unknown): { intent: unknown; steps: unknown } {
  if (typeof value === 'object' && value !== null && 'intent' in value && !('kind' in value)) {
    const fields = value as { intent: unknown; steps?: unknown };
    return { intent: fields.intent, steps: fields.steps };
  }
  return { intent: value, steps: undefined };
}

function readSteps(steps: unknown): ReasoningReading {
  if (steps === undefined) return { type: 'none' };
  const parsed = reasoningStepsSchema.safeParse(steps);
  if (parsed.success) return { type: 'steps', steps: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (step ${Number(issue.path[0]) + 1})` : '';
  return {
    type: 'none',
    problem: `its "steps" are not a list of 1 to ${MAX_REASONING_STEPS} texts of at most ${MAX_REASONING_STEP_CHARS} characters${where}: ${issue?.message ?? 'invalid'}`,
  };
}

function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
