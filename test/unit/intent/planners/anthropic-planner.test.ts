import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicPlanner } from '../../../../src/intent/planners/anthropic-planner.js';
import { resolvePlannerSettings } from '../../../../src/intent/planners/planner-settings.js';
import {
  anthropicToolReply,
  errorReply,
  type ModelServer,
  startModelServer,
} from '../../../helpers/model-server.js';
import { httpSettings, planWith, RENAME, rejectionOf, UNPLACED } from './planner-test-kit.js';

describe('the Anthropic planner, against a local Messages API server', () => {
  let server: ModelServer;
  let warnings: string[];
  const planner = () =>
    createAnthropicPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'anthropic',
        ANTHROPIC_API_KEY: 'sk-ant-test',
        ANTHROPIC_BASE_URL: server.url,
        ORCHESTRATOR_MODEL: 'claude-test',
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

  it('forces the intent tool with its JSON schema and records the API usage, cache reads included', async () => {
    server.script([anthropicToolReply({ intent: RENAME })]);
    const planned = await planWith(planner(), UNPLACED, warnings, { maxOutputTokens: 300 });
    expect(planned.intent).toEqual(RENAME);
    expect(planned.usage).toMatchObject({
      calls: 1,
      inputTokens: 1000,
      outputTokens: 40,
      usageFrom: 'api',
      model: 'claude-test',
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers.authorization).toBe('Bearer sk-ant-test');
    const body = request?.body as {
      model: string;
      max_tokens: number;
      system: string;
      tool_choice: unknown;
      tools: Array<{ name: string; input_schema: { type: string; required: string[] } }>;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.model).toBe('claude-test');
    expect(body.max_tokens).toBe(300);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'submit_intent' });
    expect(body.tools[0]?.input_schema).toMatchObject({ type: 'object', required: ['intent'] });
    expect(body.system).toContain('You never write code');
    expect(body.messages).toEqual([{ role: 'user', content: `Command: ${UNPLACED}` }]);
  });

  it('asks again after an answer cut at max_tokens, saying so', async () => {
    server.script([
      anthropicToolReply({ intent: { kind: 'rename' } }, { stopReason: 'max_tokens' }),
      anthropicToolReply({ intent: RENAME }),
    ]);
    const planned = await planWith(planner(), UNPLACED, warnings, { maxOutputTokens: 16 });
    expect(planned.intent).toEqual(RENAME);
    const retry = server.requests[1]?.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(retry.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(retry.messages[2]?.content).toContain(
      'cut off at max_tokens (CLAUDE_CODE_MAX_OUTPUT_TOKENS=16)',
    );
  });

  it('names ANTHROPIC_API_KEY when the API answers 401', async () => {
    server.script([errorReply(401, 'invalid x-api-key')]);
    const error = await rejectionOf(planWith(planner(), UNPLACED, warnings));
    expect(error.code).toBe('INVALID_SETTING');
    expect(error.message).toContain('The Anthropic API');
    expect(error.message).toContain('refused the key in ANTHROPIC_API_KEY (401');
    expect(error.message).toContain('Check ANTHROPIC_API_KEY');
  });

  it('retries an overloaded (529) answer with backoff and takes the 200 that follows', async () => {
    server.script([
      errorReply(529, 'Overloaded', { 'retry-after-ms': '5' }),
      anthropicToolReply({ intent: RENAME }),
    ]);
    expect((await planWith(planner(), UNPLACED, warnings)).intent).toEqual(RENAME);
    expect(server.requests).toHaveLength(2);
  });

  it('names ORCHESTRATOR_MODEL when the API has no such model (404)', async () => {
    server.script([errorReply(404, 'model: claude-test')]);
    const error = await rejectionOf(planWith(planner(), UNPLACED, warnings));
    expect(error.code).toBe('INVALID_SETTING');
    expect(error.message).toContain('has no model "claude-test"');
    expect(error.message).toContain('Check ORCHESTRATOR_MODEL and ANTHROPIC_BASE_URL');
  });
});

describe('planner settings from the environment', () => {
  it('is off unless ORCHESTRATOR_PLANNER names a planner', () => {
    expect(resolvePlannerSettings({})).toEqual({ provider: 'off' });
    expect(resolvePlannerSettings({ ORCHESTRATOR_PLANNER: 'off' })).toEqual({ provider: 'off' });
  });

  it('names each missing or bad variable', () => {
    expect(() => resolvePlannerSettings({ ORCHESTRATOR_PLANNER: 'gpt' })).toThrow(
      'ORCHESTRATOR_PLANNER="gpt" is not valid: expected anthropic, openai or off.',
    );
    expect(() => resolvePlannerSettings({ ORCHESTRATOR_PLANNER: 'anthropic' })).toThrow(
      /ORCHESTRATOR_PLANNER=anthropic needs ANTHROPIC_API_KEY, which is not set/,
    );
    expect(() =>
      resolvePlannerSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      }),
    ).toThrow(/needs ORCHESTRATOR_MODEL/);
    expect(() =>
      resolvePlannerSettings({ ORCHESTRATOR_PLANNER: 'openai', ORCHESTRATOR_MODEL: 'gpt-x' }),
    ).toThrow(/needs OPENAI_API_KEY, which is not set.*or point OPENAI_BASE_URL at a local/);
    expect(() =>
      resolvePlannerSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: 'localhost:11434',
        ORCHESTRATOR_MODEL: 'm',
      }),
    ).toThrow('OPENAI_BASE_URL="localhost:11434" is not valid: expected an http(s) URL');
    expect(() =>
      resolvePlannerSettings({
        ORCHESTRATOR_PLANNER: 'anthropic',
        ANTHROPIC_API_KEY: 'k',
        ORCHESTRATOR_PLANNER_TIMEOUT_MS: '10s',
      }),
    ).toThrow(/ORCHESTRATOR_PLANNER_TIMEOUT_MS="10s" is not valid/);
  });

  it('takes no key for a local OpenAI-compatible server, and the Anthropic defaults', () => {
    expect(
      resolvePlannerSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
        ORCHESTRATOR_MODEL: 'llama3.1',
      }),
    ).toMatchObject({ provider: 'openai', model: 'llama3.1', timeoutMs: 60_000, maxRetries: 2 });
    expect(
      resolvePlannerSettings({ ORCHESTRATOR_PLANNER: 'anthropic', ANTHROPIC_API_KEY: 'k' }),
    ).toMatchObject({
      baseUrl: 'https://api.anthropic.com',
      baseUrlFromEnv: false,
      model: 'claude-sonnet-4-5',
    });
  });
});
