import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlannerAnswer } from '../../../../src/intent/planners/intent-planner.js';
import { intentTool } from '../../../../src/intent/planners/intent-tool.js';
import { createOpenAiPlanner } from '../../../../src/intent/planners/openai-planner.js';
import { readAnswer } from '../../../../src/intent/planners/read-answer.js';
import {
  type ModelServer,
  openAiToolReply,
  startModelServer,
} from '../../../helpers/model-server.js';
import { httpSettings, planWith, RENAME, UNPLACED } from './planner-test-kit.js';

const STEPS = [
  '"swap the name X for Y" asks for a rename.',
  'The old name is post_entry and the new one record_entry, copied as written.',
  'No kind or file is named, so none is given.',
];

function answer(value: unknown): PlannerAnswer {
  return {
    payload: { type: 'json', value },
    stop: 'complete',
    stopReason: 'tool_calls',
    model: 'test-model',
  };
}

describe("the model's reasoning steps", () => {
  it('are asked for in the intent tool, before the intent', () => {
    const schema = intentTool().inputSchema as {
      properties: Record<string, { type?: string; maxItems?: number }>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(['steps', 'intent']);
    expect(schema.properties.steps).toMatchObject({ type: 'array', maxItems: 10 });
    expect(schema.required).toEqual(['intent']);
  });

  it('are read with the intent, trimmed, in order', () => {
    const reading = readAnswer(answer({ steps: STEPS.map((s) => ` ${s} `), intent: RENAME }), '');
    expect(reading).toEqual({
      type: 'intent',
      intent: RENAME,
      reasoning: { type: 'steps', steps: STEPS },
    });
  });

  it('are none, without a problem, when the model gave none (a bare intent too)', () => {
    expect(readAnswer(answer({ intent: RENAME }), '')).toMatchObject({
      reasoning: { type: 'none' },
    });
    expect(readAnswer(answer(RENAME), '')).toMatchObject({
      type: 'intent',
      reasoning: { type: 'none' },
    });
  });

  it('that are malformed never sink a valid intent: they are left out, saying which step', () => {
    const reading = readAnswer(answer({ steps: ['fine', ''], intent: RENAME }), '');
    expect(reading.type).toBe('intent');
    if (reading.type !== 'intent') return;
    expect(reading.reasoning.type).toBe('none');
    expect(reading.reasoning).toMatchObject({ problem: expect.stringContaining('(step 2)') });
    const tooMany = readAnswer(answer({ steps: Array(11).fill('a step'), intent: RENAME }), '');
    expect(tooMany).toMatchObject({
      reasoning: { type: 'none', problem: expect.stringContaining('1 to 10 texts') },
    });
  });
});

describe('planIntent with reasoning steps, against a local chat-completions server', () => {
  let server: ModelServer;
  let warnings: string[];
  const planner = () =>
    createOpenAiPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${server.url}/v1`,
        ORCHESTRATOR_MODEL: 'test-model',
      }),
    );
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    warnings = [];
  });

  it('asks for the steps in the prompt and returns those of the answer it took', async () => {
    server.script([openAiToolReply({ steps: STEPS, intent: RENAME })]);
    const planned = await planWith(planner(), UNPLACED, warnings);
    expect(planned.intent).toEqual(RENAME);
    expect(planned.steps).toEqual(STEPS);
    expect(warnings).toEqual([]);
    const body = server.requests[0]?.body as { messages: Array<{ content: string }> };
    expect(body.messages[0]?.content).toContain('"steps" is your reasoning');
  });

  it('takes the steps of the answer that validated, not of one sent back', async () => {
    server.script([
      openAiToolReply({ steps: ['a first reading'], intent: { kind: 'rename', from: 'x' } }),
      openAiToolReply({ steps: STEPS, intent: RENAME }),
    ]);
    const planned = await planWith(planner(), UNPLACED, warnings);
    expect(planned.steps).toEqual(STEPS);
    expect(planned.usage.calls).toBe(2);
    // The bad answer is sent back without its steps, so the clipped text keeps the intent.
    const retry = server.requests[1]?.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(retry.messages.find((m) => m.role === 'assistant')?.content).toBe(
      '{"intent":{"kind":"rename","from":"x"}}',
    );
  });

  it('warns and uses the intent when the steps are malformed', async () => {
    server.script([openAiToolReply({ steps: 'one long paragraph', intent: RENAME })]);
    const planned = await planWith(planner(), UNPLACED, warnings);
    expect(planned.intent).toEqual(RENAME);
    expect(planned.steps).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^intent: the model's reasoning steps were left out: its "steps"/),
    ]);
  });
});
