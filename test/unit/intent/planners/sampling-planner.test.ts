import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type CreateMessageResult,
  type CreateMessageResultWithTools,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSamplingPlanner,
  offersSampling,
} from '../../../../src/intent/planners/sampling-planner.js';
import { planWith, RENAME, rejectionOf, UNPLACED } from './planner-test-kit.js';

type Sampler = (
  params: CreateMessageRequest['params'],
) => CreateMessageResult | CreateMessageResultWithTools | Promise<never>;

/** The SDK's real Server and Client, linked in memory; the client samples with `sample`. */
async function connect(capabilities: Record<string, unknown>, sample?: Sampler) {
  const server = new Server({ name: 'mcp-orchestrator', version: '0.0.0' }, { capabilities: {} });
  const client = new Client({ name: 'host', version: '0.0.0' }, { capabilities });
  const received: Array<CreateMessageRequest['params']> = [];
  if (sample) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      received.push(request.params);
      return sample(request.params);
    });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    server,
    client,
    received,
    close: () => Promise.allSettled([client.close(), server.close()]),
  };
}

describe('the MCP sampling planner, over the SDK Server and Client', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('asks the client for JSON with the schema in the system prompt, and counts the tokens itself', async () => {
    const link = await connect({ sampling: {} }, () => ({
      model: 'host-model',
      role: 'assistant',
      stopReason: 'endTurn',
      content: { type: 'text', text: JSON.stringify({ intent: RENAME }) },
    }));
    close = link.close;
    expect(offersSampling(link.server)).toBe(true);
    const warnings: string[] = [];
    const planned = await planWith(createSamplingPlanner(link.server), UNPLACED, warnings, {
      maxOutputTokens: 256,
    });
    expect(planned.intent).toEqual(RENAME);
    expect(planned.usage).toMatchObject({
      planner: 'sampling',
      model: 'host-model',
      calls: 1,
      usageFrom: 'counted',
    });
    expect(planned.usage.inputTokens).toBe(planned.usage.promptTokens);
    expect(planned.usage.outputTokens).toBeGreaterThan(5);
    const [params] = link.received;
    expect(params?.maxTokens).toBe(256);
    expect(params?.tools).toBeUndefined();
    expect(params?.systemPrompt).toContain('matching this JSON schema');
    expect(params?.messages).toEqual([
      { role: 'user', content: { type: 'text', text: `Command: ${UNPLACED}` } },
    ]);
  });

  it('offers the intent tool with toolChoice required when the client can sample with tools', async () => {
    const link = await connect({ sampling: { tools: {} } }, () => ({
      model: 'host-model',
      role: 'assistant',
      stopReason: 'toolUse',
      content: [{ type: 'tool_use', id: 't1', name: 'submit_intent', input: { intent: RENAME } }],
    }));
    close = link.close;
    const planned = await planWith(createSamplingPlanner(link.server), UNPLACED, []);
    expect(planned.intent).toEqual(RENAME);
    const [params] = link.received;
    expect(params?.toolChoice).toEqual({ mode: 'required' });
    expect(params?.tools?.[0]?.name).toBe('submit_intent');
  });

  it('retries an invalid sampled answer with the validation error', async () => {
    const answers = [
      '{"intent": {"kind": "move", "symbol": "x"}}',
      JSON.stringify({ intent: RENAME }),
    ];
    const link = await connect({ sampling: {} }, () => ({
      model: 'host-model',
      role: 'assistant',
      content: { type: 'text', text: answers.shift() ?? '' },
    }));
    close = link.close;
    const planned = await planWith(createSamplingPlanner(link.server), UNPLACED, []);
    expect(planned.intent).toEqual(RENAME);
    const retry = link.received[1]?.messages.at(-1)?.content as { text: string };
    expect(retry.text).toContain('to: Invalid input');
  });

  it('refuses to plan when the client offers no sampling', async () => {
    const link = await connect({});
    close = link.close;
    expect(offersSampling(link.server)).toBe(false);
    expect(() => createSamplingPlanner(link.server)).toThrow(/does not offer sampling/);
  });

  it("reports the client's sampling failure as MODEL_UNAVAILABLE", async () => {
    const link = await connect({ sampling: {} }, () =>
      Promise.reject(new Error('the user declined')),
    );
    close = link.close;
    const error = await rejectionOf(planWith(createSamplingPlanner(link.server), UNPLACED, []));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain('the user declined');
  });
});
