import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';
import { type ModelServer, openAiToolReply, startModelServer } from '../helpers/model-server.js';

const COMMAND = 'swap the name getUser for fetchUser';
const RENAME = { kind: 'rename', from: 'getUser', to: 'fetchUser' };

describe('a command the grammar refuses, read by an OpenAI-compatible model planner', () => {
  let repo: ExampleRepo;
  let server: ModelServer;
  beforeAll(async () => {
    [repo, server] = await Promise.all([
      createExampleRepo({ example: 'users-ts' }),
      startModelServer(),
    ]);
    server.script([
      openAiToolReply('{"intent": {"kind": "rename", "from": "getUser"'),
      openAiToolReply({ intent: RENAME }),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it('reaches a plan that records the intent and who chose it (apply replays plan.json with no model)', async () => {
    const out = `${repo.dir}-model-plan.json`;
    const planned = await runCli(['plan', COMMAND, '--workspace', repo.dir, '--out', out], {
      env: {
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${server.url}/v1`,
        ORCHESTRATOR_MODEL: 'test-model',
      },
    });
    expect(planned.code, planned.stderr).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(planned.stderr).toContain(
      'chose {"kind":"rename","from":"getUser","to":"fetchUser"} ("rename getUser to fetchUser"; 2 calls, 1624 input and 62 output tokens)',
    );
    expect(planned.stderr).toMatch(/answer 1 was not a valid intent/);
    // The phase table (the summary, on stdout): the model's step first, what each column counts
    // said under it.
    expect(planned.stdout).toMatch(
      /phase\s+status\s+ms\s+context\s+model in\s+model out\s+retries/,
    );
    expect(planned.stdout).toMatch(/intent\s+ok\s+\d+\s+\d+\s+1624\s+62\s+1/);
    expect(planned.stdout).toContain(
      "model: 1624 input + 62 output tokens (openai test-model; the API's usage figures)",
    );
    const plan = JSON.parse(readFileSync(out, 'utf8')) as {
      command: string;
      intent: unknown;
      intentSource: unknown;
    };
    expect(plan.command).toBe(COMMAND);
    expect(plan.intent).toEqual(RENAME);
    expect(plan.intentSource).toEqual({ by: 'model', planner: 'openai', model: 'test-model' });
    const runDir = /run folder (.+)/.exec(planned.stdout)?.[1] ?? '';
    expect(existsSync(path.join(runDir, 'context', 'intent.txt'))).toBe(true);
  }, 240_000);

  it('parse reads the command with the model, and --planner grammar never asks it', async () => {
    const env = {
      ORCHESTRATOR_PLANNER: 'openai',
      OPENAI_BASE_URL: `${server.url}/v1`,
      ORCHESTRATOR_MODEL: 'test-model',
    };
    server.script([openAiToolReply({ intent: RENAME })]);
    const parsed = await runCli(['parse', COMMAND, '--json'], { env });
    expect(parsed.code, parsed.stderr).toBe(0);
    const reply = JSON.parse(parsed.stdout) as { intent: unknown; model: { planner: string } };
    expect(reply.intent).toEqual(RENAME);
    expect(reply.model.planner).toBe('openai');
    const table = await runCli(['parse', COMMAND], { env });
    expect(table.stdout).toMatch(/read by\s+the openai model test-model \(1 call/);
    expect(server.requests).toHaveLength(2);
    const refused = await runCli(['parse', COMMAND, '--planner', 'grammar'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('INTENT_UNRECOGNISED');
    expect(server.requests).toHaveLength(2);
  }, 60_000);
});
