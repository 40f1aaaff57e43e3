import { isOrchestratorError } from '../../core/errors.js';
import type { Intent } from '../all-intents.js';
import { validateIntent } from '../parse-intent.js';
import type { PlannerAnswer } from './intent-planner.js';

/** What a model's answer came to: an intent, the model's own "unclear", or what was wrong. */
export type AnswerReading =
  | { readonly type: 'intent'; readonly intent: Intent }
  | { readonly type: 'unclear'; readonly reason: string }
  | { readonly type: 'invalid'; readonly problem: string };

/**
 * Reads one answer: the tool call's `{"intent": …}` (a bare intent is taken too), or JSON in
 * the text (code fences and prose around it allowed), validated as any intent is (its kind's
 * zod schema, then its transform's checks). Never throws for a bad answer.
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
  const intent = unwrap(value.value);
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
    return { type: 'intent', intent: validateIntent(intent, "The model's intent") };
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

/** `{"intent": X}` → X; a bare intent stays as it is. */
function unwrap(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'intent' in value && !('kind' in value)) {
    return (value as { intent: unknown }).intent;
  }
  return value;
}

function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
