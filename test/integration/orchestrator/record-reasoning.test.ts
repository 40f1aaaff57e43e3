import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createDefaultServers } from '../../../src/mcp/default-servers.js';
import type { McpServersConfig } from '../../../src/mcp/mcp-config-schema.js';
import { recordReasoning } from '../../../src/orchestrator/record-reasoning.js';
import { createRunTracer, type RunTracer } from '../../../src/telemetry/create-tracer.js';
import type { TraceLine } from '../../../src/telemetry/trace-file.js';

const READING = {
  readBy: 'the openai model test-model',
  steps: ['The command asks for a rename.', 'getUser becomes fetchUser.'],
};

/** The built-in sequential-thinking server (the official package, started with this Node). */
function sequentialThinking(): McpServersConfig {
  const server = createDefaultServers(os.tmpdir())['sequential-thinking'];
  if (server === undefined) throw new Error('no built-in sequential-thinking server');
  return { 'sequential-thinking': server };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(servers: McpServersConfig): Promise<{
  dir: string;
  pool: ClientPool;
  tracer: RunTracer;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-reasoning-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const tracer = createRunTracer(dir, { env: { ORCHESTRATOR_TRACE_CONTENT: '1' } });
  cleanups.push(() => tracer.shutdown());
  const pool = createClientPool({
    workspace: dir,
    servers,
    parallelism: 2,
    spans: tracer,
    recordContent: true,
  });
  cleanups.push(() => pool.close());
  return { dir, pool, tracer };
}

async function readTrace(dir: string): Promise<TraceLine[]> {
  return (await readFile(path.join(dir, 'trace.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceLine);
}

describe('recordReasoning', () => {
  it('sends the steps in order to the real sequential-thinking server, started on the first step', async () => {
    const { dir, pool, tracer } = await open(sequentialThinking());
    const warnings: string[] = [];
    expect(pool.status()[0]?.state).not.toBe('ready');
    const record = await recordReasoning(
      READING,
      { tools: pool, spans: tracer },
      { warn: (m) => warnings.push(m) },
    );
    expect(record).toEqual({ recorded: 2, historyLength: 2 });
    expect(warnings).toEqual([]);
    await tracer.shutdown();
    const trace = await readTrace(dir);
    const span = trace.find((s) => s.name === 'intent.reasoning');
    expect(span?.attributes).toMatchObject({
      'orchestrator.reasoning.read_by': READING.readBy,
      'orchestrator.reasoning.step_count': 2,
      'orchestrator.reasoning.recorded': 2,
    });
    expect(span?.events.map((e) => e.attributes)).toEqual([
      {
        'orchestrator.reasoning.step.number': 1,
        'orchestrator.reasoning.step.text': READING.steps[0],
      },
      {
        'orchestrator.reasoning.step.number': 2,
        'orchestrator.reasoning.step.text': READING.steps[1],
      },
    ]);
    const calls = trace.filter((s) => s.name === 'tools/call sequentialthinking');
    expect(calls.map((s) => JSON.parse(String(s.attributes['input.value'])))).toEqual([
      { thought: READING.steps[0], thoughtNumber: 1, totalThoughts: 2, nextThoughtNeeded: true },
      { thought: READING.steps[1], thoughtNumber: 2, totalThoughts: 2, nextThoughtNeeded: false },
    ]);
  });

  it('calls no server and opens no span when the model gave no steps', async () => {
    const { dir, pool, tracer } = await open(sequentialThinking());
    const record = await recordReasoning(
      { readBy: READING.readBy, steps: [] },
      { tools: pool, spans: tracer },
      { warn: () => {} },
    );
    expect(record).toEqual({ recorded: 0 });
    expect(pool.status()[0]?.state).not.toBe('ready');
    await tracer.shutdown();
    expect((await readTrace(dir)).map((s) => s.name)).toEqual(['run']);
  });

  it('warns, and keeps the steps in the trace, when no sequential-thinking server is configured or it fails', async () => {
    const missing = await open({});
    const warnings: string[] = [];
    const services = (o: typeof missing) => ({ tools: o.pool, spans: o.tracer });
    expect(
      await recordReasoning(READING, services(missing), { warn: (m) => warnings.push(m) }),
    ).toEqual({ recorded: 0 });
    expect(warnings).toEqual([
      "No sequential-thinking server is configured: the model's 2 reasoning steps are only in the trace and the pull request.",
    ]);
    const broken = await open({
      'sequential-thinking': {
        transport: 'stdio',
        command: '/nonexistent/sequential-thinking',
        args: [],
        env: {},
      },
    });
    warnings.length = 0;
    expect(
      await recordReasoning(READING, services(broken), { warn: (m) => warnings.push(m) }),
    ).toEqual({ recorded: 0 });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^The sequential-thinking server did not record the model's reasoning \(/,
      ),
    ]);
    await broken.tracer.shutdown();
    const span = (await readTrace(broken.dir)).find((s) => s.name === 'intent.reasoning');
    expect(span?.status.code).toBe('ERROR');
    expect(span?.events).toHaveLength(2);
  });
});
