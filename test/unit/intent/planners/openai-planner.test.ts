import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIntent } from '../../../../src/intent/parse-intent.js';
import { createOpenAiPlanner } from '../../../../src/intent/planners/openai-planner.js';
import { createRunTracer } from '../../../../src/telemetry/create-tracer.js';
import {
  errorReply,
  type ModelServer,
  openAiTextReply,
  openAiToolReply,
  startModelServer,
} from '../../../helpers/model-server.js';
import { httpSettings, planWith, RENAME, rejectionOf, UNPLACED } from './planner-test-kit.js';

describe('the OpenAI-compatible planner, against a local chat-completions server', () => {
  let server: ModelServer;
  let warnings: string[];
  const planner = () =>
    createOpenAiPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${server.url}/v1`,
        ORCHESTRATOR_MODEL: 'test-model',
        ORCHESTRATOR_PLANNER_RETRIES: '1',
      }),
    );
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    warnings = [];
  });

  it('is asked a command the grammar cannot place', () => {
    expect(() => parseIntent(UNPLACED)).toThrow(/could not place/);
  });

  it('forces the intent function, sends the schema and max_tokens, and returns the validated intent with the API usage', async () => {
    server.script([openAiToolReply({ intent: RENAME })]);
    const planned = await planWith(planner(), UNPLACED, warnings, { maxOutputTokens: 512 });
    expect(planned.intent).toEqual(RENAME);
    expect(planned.usage).toMatchObject({
      phase: 'intent',
      planner: 'openai',
      model: 'test-model',
      calls: 1,
      inputTokens: 812,
      outputTokens: 31,
      usageFrom: 'api',
    });
    expect(planned.usage.promptTokens).toBeGreaterThan(500);
    expect(planned.usage.promptTokens).toBeLessThanOrEqual(4096);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    const body = request?.body as {
      model: string;
      max_tokens: number;
      tool_choice: unknown;
      tools: Array<{
        function: { name: string; parameters: { properties: { intent: { oneOf: unknown[] } } } };
      }>;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.model).toBe('test-model');
    expect(body.max_tokens).toBe(512);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'submit_intent' } });
    expect(body.tools[0]?.function.name).toBe('submit_intent');
    // Every kind of the intent union, and "unclear".
    expect(body.tools[0]?.function.parameters.properties.intent.oneOf).toHaveLength(9);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]?.content).toBe(`Command: ${UNPLACED}`);
    expect(warnings).toEqual([]);
  });

  it('sends malformed JSON back with the parse error and takes the next answer', async () => {
    server.script([
      openAiToolReply('{"intent": {"kind": "rename", "from": "post_entry",, }'),
      openAiToolReply({ intent: RENAME }),
    ]);
    const planned = await planWith(planner(), UNPLACED, warnings);
    expect(planned.intent).toEqual(RENAME);
    expect(planned.usage.calls).toBe(2);
    expect(planned.usage.inputTokens).toBe(2 * 812);
    const retry = server.requests[1]?.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(retry.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry.messages[3]?.content).toContain('not valid JSON');
    expect(warnings[0]).toMatch(/answer 1 was not a valid intent \(the answer is not valid JSON/);
  });

  it('retries an intent its transform refuses, feeding the refusal back, and accepts the corrected one', async () => {
    server.script([
      openAiToolReply({ intent: { ...RENAME, to: 'record-entry' } }),
      openAiToolReply({ intent: RENAME }),
    ]);
    const planned = await planWith(planner(), UNPLACED, warnings);
    expect(planned.intent).toEqual(RENAME);
    const retry = server.requests[1]?.body as { messages: Array<{ content: string }> };
    expect(retry.messages[2]?.content).toContain('record-entry');
    expect(retry.messages[3]?.content).toMatch(/record-entry/);
  });

  it('refuses after the retry budget when every answer is cut at max_tokens, naming CLAUDE_CODE_MAX_OUTPUT_TOKENS', async () => {
    server.script([openAiToolReply('{"intent": {"kind": "rena', { finishReason: 'length' })]);
    const error = await rejectionOf(
      planWith(planner(), UNPLACED, warnings, { maxOutputTokens: 8 }),
    );
    expect(error.code).toBe('MODEL_ANSWER_INVALID');
    expect(error.message).toContain('in 4 answers');
    expect(error.message).toContain('cut off at max_tokens (CLAUDE_CODE_MAX_OUTPUT_TOKENS=8)');
    expect(error.message).toContain('--intent');
    expect(server.requests).toHaveLength(4);
    expect(warnings).toHaveLength(3);
  });

  it('reads JSON from the content when the server answers without a tool call', async () => {
    server.script([
      openAiTextReply(`Sure.\n\`\`\`json\n${JSON.stringify({ intent: RENAME })}\n\`\`\``),
    ]);
    expect((await planWith(planner(), UNPLACED, warnings)).intent).toEqual(RENAME);
  });

  it('asks again without tools, for JSON in the content, when the server rejects tools', async () => {
    server.script([
      errorReply(400, 'tools are not supported by this model'),
      openAiTextReply(JSON.stringify({ intent: RENAME })),
    ]);
    const chosen = planner();
    expect((await planWith(chosen, UNPLACED, warnings)).intent).toEqual(RENAME);
    const [withTools, without] = server.requests.map(
      (r) => r.body as { tools?: unknown; messages: Array<{ content: string }> },
    );
    expect(withTools?.tools).toBeDefined();
    expect(without?.tools).toBeUndefined();
    expect(without?.messages[0]?.content).toContain('matching this JSON schema');
  });

  it("records each call as an LLM span with the API's token counts when given a tracer", async () => {
    server.script([openAiToolReply('{'), openAiToolReply({ intent: RENAME })]);
    const dir = await mkdtemp(path.join(tmpdir(), 'mcpo-planner-trace-'));
    try {
      const tracer = createRunTracer(dir, { env: {} });
      await planWith(planner(), UNPLACED, warnings, { tracer });
      await tracer.shutdown();
      const spans = (await readFile(path.join(dir, 'trace.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { attributes: Record<string, unknown> })
        .filter((span) => span.attributes['openinference.span.kind'] === 'LLM');
      expect(spans).toHaveLength(2);
      expect(spans[0]?.attributes).toMatchObject({
        'llm.model_name': 'test-model',
        'llm.provider': 'openai',
        'llm.token_count.prompt': 812,
        'llm.token_count.completion': 31,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says what the model found unclear, as INTENT_UNRECOGNISED', async () => {
    server.script([
      openAiToolReply({ intent: { kind: 'unclear', reason: 'it names two changes' } }),
    ]);
    const error = await rejectionOf(
      planWith(planner(), 'tidy things up and rename stuff', warnings),
    );
    expect(error.code).toBe('INTENT_UNRECOGNISED');
    expect(error.message).toContain('says: it names two changes');
    expect(server.requests).toHaveLength(1);
  });

  it('names OPENAI_API_KEY when the server answers 401', async () => {
    server.script([errorReply(401, 'Incorrect API key provided')]);
    const error = await rejectionOf(planWith(planner(), UNPLACED, warnings));
    expect(error.code).toBe('INVALID_SETTING');
    expect(error.message).toContain('refused the key in OPENAI_API_KEY (401');
    expect(error.message).toContain(`OPENAI_BASE_URL=${server.url}/v1`);
  });

  it('retries a 429 with backoff and takes the 200 that follows', async () => {
    server.script([
      errorReply(429, 'rate limited', { 'retry-after-ms': '5' }),
      openAiToolReply({ intent: RENAME }),
    ]);
    expect((await planWith(planner(), UNPLACED, warnings)).intent).toEqual(RENAME);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on 5xx after ORCHESTRATOR_PLANNER_RETRIES, naming the status', async () => {
    server.script([errorReply(503, 'overloaded', { 'retry-after-ms': '5' })]);
    const error = await rejectionOf(planWith(planner(), UNPLACED, warnings));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toMatch(
      /answered 503 .* after 1 retries with backoff \(ORCHESTRATOR_PLANNER_RETRIES\)/,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a server slower than ORCHESTRATOR_PLANNER_TIMEOUT_MS, naming it', async () => {
    server.script([{ ...openAiToolReply({ intent: RENAME }), delayMs: 2_000 }]);
    const slow = createOpenAiPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${server.url}/v1`,
        ORCHESTRATOR_MODEL: 'test-model',
        ORCHESTRATOR_PLANNER_TIMEOUT_MS: '50',
        ORCHESTRATOR_PLANNER_RETRIES: '0',
      }),
    );
    const error = await rejectionOf(planWith(slow, UNPLACED, warnings));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain(
      'did not answer within 50 ms (ORCHESTRATOR_PLANNER_TIMEOUT_MS)',
    );
  });

  it('stops waiting when the run is cancelled', async () => {
    server.script([{ ...openAiToolReply({ intent: RENAME }), delayMs: 2_000 }]);
    const controller = new AbortController();
    const pending = planWith(planner(), UNPLACED, warnings, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('interrupted')), 50);
    const error = await rejectionOf(pending);
    expect(error.code).toBe('CANCELLED');
  });

  it('names OPENAI_BASE_URL and its value when nothing listens there', async () => {
    const closed = await startModelServer();
    await closed.close();
    const unreachable = createOpenAiPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${closed.url}/v1`,
        ORCHESTRATOR_MODEL: 'test-model',
        ORCHESTRATOR_PLANNER_RETRIES: '0',
      }),
    );
    const error = await rejectionOf(planWith(unreachable, UNPLACED, warnings));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain(
      `Could not connect to OPENAI_BASE_URL=${closed.url}/v1 (ECONNREFUSED)`,
    );
    expect(error.message).toContain('set OPENAI_BASE_URL to where it listens');
  });
});
