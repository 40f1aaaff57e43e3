import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MCPOrchestrator } from '../../../src/orchestrator.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { type ModelServer, openAiToolReply, startModelServer } from '../../helpers/model-server.js';
import { type OtlpReceiver, startOtlpReceiver } from '../../helpers/otlp-receiver.js';

const COMMAND = 'swap the name getUser for fetchUser';

describe('a run whose command a model reads opens before the first model call', () => {
  let repo: FixtureRepo;
  let server: ModelServer;
  let collector: OtlpReceiver;
  const env = () => ({
    ORCHESTRATOR_PLANNER: 'openai',
    OPENAI_BASE_URL: `${server.url}/v1`,
    ORCHESTRATOR_MODEL: 'test-model',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  });
  beforeAll(async () => {
    [repo, server, collector] = await Promise.all([
      createFixtureRepo({ files: { 'src/user.ts': 'export function getUser() {}\n' } }),
      startModelServer(),
      startOtlpReceiver(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), collector?.close()]);
    await repo?.cleanup();
  });

  it('refused by the model, it leaves no run folder; its trace, model call included, is exported', async () => {
    server.script([
      openAiToolReply({
        steps: ['Two changes are asked for.'],
        intent: { kind: 'unclear', reason: 'it names two changes' },
      }),
    ]);
    const refused = await new MCPOrchestrator()
      .run(COMMAND, { workspace: repo.dir, env: env() })
      .then(
        () => undefined,
        (error: unknown) => error as { code?: string },
      );
    expect(refused?.code).toBe('INTENT_UNRECOGNISED');
    const runs = path.join(repo.dir, '.mcp-orchestrator', 'runs');
    expect(existsSync(runs) ? readdirSync(runs) : []).toEqual([]);
    const spans = await collector.waitForSpans(3, 5000);
    const byName = new Map(spans.map((s) => [s.name, s]));
    const root = byName.get('run');
    const intent = byName.get('phase.intent');
    const call = byName.get('chat test-model');
    expect(root?.status.code).toBe(2);
    expect(root?.attributes).toMatchObject({
      'orchestrator.command': COMMAND,
      'error.type': 'INTENT_UNRECOGNISED',
    });
    expect(intent?.parentSpanId).toBe(root?.spanId);
    expect(call?.parentSpanId).toBe(intent?.spanId);
    expect(call?.attributes).toMatchObject({
      'llm.model_name': 'test-model',
      'llm.token_count.prompt': 812,
      'llm.token_count.completion': 31,
    });
    // The messages' text only with ORCHESTRATOR_TRACE_CONTENT=1.
    expect(call?.attributes['llm.input_messages.1.message.role']).toBe('user');
    expect(call?.attributes['llm.input_messages.1.message.content']).toBeUndefined();
  });

  it('is refused before any model call when the checkout cannot be used', async () => {
    await repo.write('src/user.ts', 'export function getUser() { return 1; }\n');
    server.script([openAiToolReply({ intent: { kind: 'rename', from: 'getUser', to: 'x' } })]);
    const refused = await new MCPOrchestrator()
      .run(COMMAND, { workspace: repo.dir, env: env() })
      .then(
        () => undefined,
        (error: unknown) => error as { code?: string },
      );
    expect(refused?.code).toBe('WORKTREE_DIRTY');
    expect(server.requests).toHaveLength(0);
  });
});
