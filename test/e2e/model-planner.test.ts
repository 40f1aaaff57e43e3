import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceLine } from '../../src/telemetry/trace-file.js';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';
import { type ModelServer, openAiToolReply, startModelServer } from '../helpers/model-server.js';
import { type OtlpReceiver, startOtlpReceiver } from '../helpers/otlp-receiver.js';

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

describe('a model-read run: one trace with the model calls, the reasoning recorded and in the PR', () => {
  const STEPS = [
    '"swap the name X for Y" asks for a rename of X to Y.',
    'X is getUser and Y is fetchUser, copied as the command writes them.',
    'No kind, class or file is named, so the intent names none.',
  ];
  let repo: ExampleRepo;
  let server: ModelServer;
  let collector: OtlpReceiver;
  beforeAll(async () => {
    [repo, server, collector] = await Promise.all([
      createExampleRepo({ example: 'users-ts' }),
      startModelServer(),
      startOtlpReceiver(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), collector?.close()]);
    await repo?.cleanup();
  });

  it('traces the planner call under the run, records the steps in sequential-thinking and pr.json', async () => {
    server.script([openAiToolReply({ steps: STEPS, intent: RENAME })]);
    const env = {
      ORCHESTRATOR_PLANNER: 'openai',
      OPENAI_BASE_URL: `${server.url}/v1`,
      ORCHESTRATOR_MODEL: 'test-model',
      ORCHESTRATOR_TRACE_CONTENT: '1',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    };
    const ran = await runCli(['run', COMMAND, '--workspace', repo.dir, '--no-compile'], { env });
    expect(ran.code, ran.stderr).toBe(0);
    const runDir = /run folder (.+)/.exec(ran.stdout)?.[1] ?? '';
    const trace = readTrace(runDir);
    const root = only(trace, 'run');
    expect(root.parentSpanId).toBeNull();
    const intent = only(trace, 'phase.intent');
    expect(intent.parentSpanId).toBe(root.spanId);
    expect(intent.attributes).toMatchObject({
      'orchestrator.phase': 'intent',
      'orchestrator.planner': 'openai',
      'orchestrator.reasoning.step_count': 3,
    });
    const call = only(trace, 'chat test-model');
    expect(call.parentSpanId).toBe(intent.spanId);
    expect(call.traceId).toBe(root.traceId);
    expect(call.attributes).toMatchObject({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'test-model',
      'llm.provider': 'openai',
      'llm.token_count.prompt': 812,
      'llm.token_count.completion': 31,
      'llm.input_messages.0.message.role': 'system',
      'llm.input_messages.1.message.content': `Command: ${COMMAND}`,
      'llm.output_messages.0.message.role': 'assistant',
    });
    expect(String(call.attributes['llm.output_messages.0.message.content'])).toContain(STEPS[1]);
    // The span covers the whole call, inside the planning, inside the run.
    const [callStart, intentStart, rootStart] = [call, intent, root].map((s) =>
      Date.parse(s.startTime),
    );
    expect(intentStart).toBeGreaterThanOrEqual(rootStart as number);
    expect(callStart).toBeGreaterThanOrEqual(intentStart as number);
    expect(call.durationMs).toBeLessThanOrEqual(intent.durationMs);
    expect(intent.durationMs).toBeLessThan(root.durationMs);

    // The steps, one event each, sent in order to the real sequential-thinking server.
    const reasoning = only(trace, 'intent.reasoning');
    expect(reasoning.parentSpanId).toBe(root.spanId);
    expect(reasoning.events.map((e) => e.attributes['orchestrator.reasoning.step.text'])).toEqual(
      STEPS,
    );
    expect(reasoning.attributes).toMatchObject({
      'orchestrator.reasoning.recorded': 3,
      'orchestrator.reasoning.history_length': 3,
    });
    const thoughts = trace.filter((s) => s.name === 'tools/call sequentialthinking');
    expect(thoughts.map((s) => s.parentSpanId)).toEqual(Array(3).fill(reasoning.spanId));
    expect(thoughts.map((s) => s.attributes['mcp.server.name'])).toEqual(
      Array(3).fill('sequential-thinking'),
    );
    const args = thoughts.map((s) => JSON.parse(String(s.attributes['input.value'])));
    expect(args).toEqual(
      STEPS.map((thought, i) => ({
        thought,
        thoughtNumber: i + 1,
        totalThoughts: 3,
        nextThoughtNeeded: i < 2,
      })),
    );
    const result = JSON.parse(readFileSync(path.join(runDir, 'result.json'), 'utf8')) as {
      serverCalls: Record<string, unknown>;
    };
    expect(result.serverCalls['sequential-thinking']).toEqual({ intent: 3 });
    const pr = JSON.parse(readFileSync(path.join(runDir, 'pr.json'), 'utf8')) as { body: string };
    expect(pr.body).toContain(
      `<details><summary>How the command was read</summary>\n\nRead by the openai model test-model, in these steps:\n\n1. ${STEPS[0]}\n2. ${STEPS[1]}\n3. ${STEPS[2]}\n\n</details>`,
    );

    // The OTLP export holds the same trace, the model call included.
    await collector.waitForSpans(trace.length, 5000);
    const exported = collector.spans().filter((s) => s.traceId === root.traceId);
    expect(exported.map((s) => s.name).sort()).toEqual(trace.map((s) => s.name).sort());
  }, 240_000);
});

function readTrace(runDir: string): TraceLine[] {
  return readFileSync(path.join(runDir, 'trace.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceLine);
}

function only(trace: readonly TraceLine[], name: string): TraceLine {
  const found = trace.filter((s) => s.name === name);
  expect(
    found.map((s) => s.name),
    `one span named ${name}`,
  ).toEqual([name]);
  return found[0] as TraceLine;
}
