import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveRunIntent } from '../../../src/orchestrator/resolve-run-intent.js';
import { type ModelServer, openAiToolReply, startModelServer } from '../../helpers/model-server.js';
import { RENAME, rejectionOf, UNPLACED } from '../intent/planners/planner-test-kit.js';

describe('when a model planner is asked', () => {
  let server: ModelServer;
  let progress: string[];
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    progress = [];
    server.script([openAiToolReply({ intent: RENAME })]);
    env = {
      ORCHESTRATOR_PLANNER: 'openai',
      OPENAI_BASE_URL: `${server.url}/v1`,
      ORCHESTRATOR_MODEL: 'test-model',
    };
  });
  const resolve = (command: string, extra: Parameters<typeof resolveRunIntent>[1] = {}) =>
    resolveRunIntent(command, { env, progress: (m) => progress.push(m), ...extra });

  it('never, when the grammar reads the command', async () => {
    const understood = await resolve('rename post_entry to record_entry');
    expect(understood.intent).toEqual(RENAME);
    expect(understood.planned).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it('when the grammar cannot place the command, and it says which intent the model chose', async () => {
    const understood = await resolve(UNPLACED);
    expect(understood.intent).toEqual(RENAME);
    expect(understood.planned?.planner).toBe('openai');
    expect(server.requests).toHaveLength(1);
    expect(progress[0]).toContain(
      `asking the openai model test-model at OPENAI_BASE_URL=${server.url}/v1`,
    );
    expect(progress[1]).toContain(
      'chose {"kind":"rename","from":"post_entry","to":"record_entry"} ("rename post_entry to record_entry"; 1 call, 812 input and 31 output tokens)',
    );
  });

  it('never for shell syntax, even with --planner model', async () => {
    for (const mode of ['auto', 'model'] as const) {
      const error = await rejectionOf(resolve('rename a to b; rm -rf ~', { plannerMode: mode }));
      expect(error.code).toBe('INTENT_UNRECOGNISED');
      expect(error.message).toContain('shell syntax');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('never with --planner grammar, and always with --planner model', async () => {
    const refused = await rejectionOf(resolve(UNPLACED, { plannerMode: 'grammar' }));
    expect(refused.code).toBe('INTENT_UNRECOGNISED');
    expect(server.requests).toHaveLength(0);
    const understood = await resolve('rename post_entry to record_entry', { plannerMode: 'model' });
    expect(understood.planned).toBeDefined();
    expect(server.requests).toHaveLength(1);
  });

  it('is off unless configured: the grammar refusal stands, and --planner model names ORCHESTRATOR_PLANNER', async () => {
    env = {};
    expect((await rejectionOf(resolve(UNPLACED))).code).toBe('INTENT_UNRECOGNISED');
    const error = await rejectionOf(resolve(UNPLACED, { plannerMode: 'model' }));
    expect(error.code).toBe('INVALID_SETTING');
    expect(error.message).toContain('set ORCHESTRATOR_PLANNER=anthropic');
    expect(server.requests).toHaveLength(0);
  });

  it('validates an intent given as data without any model', async () => {
    const understood = await resolveRunIntent({ intent: RENAME }, { env });
    expect(understood.intent).toEqual(RENAME);
    expect(server.requests).toHaveLength(0);
  });
});
