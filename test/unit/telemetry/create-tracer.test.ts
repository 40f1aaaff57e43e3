import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunTracer } from '../../../src/telemetry/create-tracer.js';
import type { TraceLine } from '../../../src/telemetry/trace-file.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function runDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-trace-'));
  dirs.push(dir);
  return path.join(dir, 'runs', 'run-1');
}

async function readLines(file: string): Promise<TraceLine[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceLine);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRunTracer', () => {
  it('writes one JSON line per ended span with ids, times, attributes and status', async () => {
    const dir = await runDir();
    const tracer = createRunTracer(dir);
    const before = Date.now();
    const value = await tracer.withSpan(
      'phase.map',
      { 'phase.name': 'map', files: 3 },
      async (span) => {
        span.addEvent('cache.miss', { key: 'abc' });
        await delay(20);
        return 42;
      },
    );
    expect(value).toBe(42);
    await tracer.shutdown();

    expect(tracer.filePath).toBe(path.join(dir, 'trace.jsonl'));
    const [line, root, ...rest] = await readLines(tracer.filePath);
    expect(rest).toEqual([]);
    expect(root).toMatchObject({ name: 'run', parentSpanId: null });
    expect(line).toMatchObject({
      name: 'phase.map',
      parentSpanId: root?.spanId,
      attributes: { 'phase.name': 'map', files: 3 },
      status: { code: 'OK' },
      events: [{ name: 'cache.miss', attributes: { key: 'abc' } }],
    });
    expect(line?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(line?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(line?.durationMs).toBeGreaterThanOrEqual(15);
    expect(Date.parse(line?.startTime ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(line?.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('makes spans started inside withSpan children of it, across awaits and in parallel', async () => {
    const tracer = createRunTracer(await runDir(), { attributes: { 'orchestrator.run.id': 'r1' } });
    await tracer.withSpan('phase.x', {}, async () => {
      await Promise.all([
        tracer.withSpan('phase.a', {}, async () => {
          await delay(5);
          await tracer.withSpan('step.a1', {}, () => undefined);
        }),
        tracer.withSpan('phase.b', {}, async () => {
          await delay(1);
        }),
      ]);
    });
    await tracer.withSpan('phase.y', {}, () => undefined);
    await tracer.shutdown();

    const lines = await readLines(tracer.filePath);
    const byName = new Map(lines.map((line) => [line.name, line]));
    const run = byName.get('run');
    expect(run?.parentSpanId).toBeNull();
    expect(run?.attributes['orchestrator.run.id']).toBe('r1');
    expect(byName.get('phase.x')?.parentSpanId).toBe(run?.spanId);
    expect(byName.get('phase.a')?.parentSpanId).toBe(byName.get('phase.x')?.spanId);
    expect(byName.get('phase.b')?.parentSpanId).toBe(byName.get('phase.x')?.spanId);
    expect(byName.get('step.a1')?.parentSpanId).toBe(byName.get('phase.a')?.spanId);
    // One run is one trace: a span opened outside any other is a child of the root.
    expect(byName.get('phase.y')?.parentSpanId).toBe(run?.spanId);
    expect(new Set(lines.map((line) => line.traceId))).toEqual(new Set([tracer.traceId]));
    // Children end first, so they come first in the file; the root is last.
    expect(lines.at(-1)?.name).toBe('run');
  });

  it('records the run outcome on the root span, which covers every other span', async () => {
    const tracer = createRunTracer(await runDir(), { input: 'rename a to b' });
    await tracer.withSpan('phase.map', {}, () => delay(5));
    tracer.recordRunOutcome({
      success: false,
      error: { code: 'TESTS_FAILED', message: 'the tests failed' },
      attributes: { 'orchestrator.run.total_tokens': 12 },
    });
    await tracer.shutdown();
    const [phase, root] = await readLines(tracer.filePath);
    expect(root).toMatchObject({
      name: 'run',
      status: { code: 'ERROR', message: 'the tests failed' },
      attributes: {
        'input.value': 'rename a to b',
        'orchestrator.run.success': false,
        'orchestrator.run.total_tokens': 12,
        'error.type': 'TESTS_FAILED',
      },
    });
    const start = (line: TraceLine | undefined) => Date.parse(line?.startTime ?? '');
    expect(start(root)).toBeLessThanOrEqual(start(phase));
    expect(start(root) + (root?.durationMs ?? 0)).toBeGreaterThanOrEqual(
      start(phase) + (phase?.durationMs ?? 0) - 1,
    );
  });

  it('marks a span failed through setError without a throw, and records a model call', async () => {
    const tracer = createRunTracer(await runDir(), { env: { ORCHESTRATOR_TRACE_CONTENT: '1' } });
    await tracer.withSpan('phase.plan', {}, (span) => span.setError('PLAN_INVALID', 'bad plan'));
    const reply = await tracer.traceModelCall(
      {
        modelName: 'claude-test',
        provider: 'anthropic',
        messages: [{ role: 'user', content: 'plan it' }],
      },
      async (span) => {
        span.recordResponse({
          promptTokens: 11,
          completionTokens: 7,
          messages: [{ role: 'assistant', content: 'done' }],
        });
        return 'done';
      },
    );
    expect(reply).toBe('done');
    await tracer.shutdown();
    const byName = new Map((await readLines(tracer.filePath)).map((l) => [l.name, l]));
    expect(byName.get('phase.plan')?.status).toEqual({ code: 'ERROR', message: 'bad plan' });
    expect(byName.get('phase.plan')?.attributes['error.type']).toBe('PLAN_INVALID');
    expect(byName.get('chat claude-test')?.attributes).toMatchObject({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'claude-test',
      'llm.provider': 'anthropic',
      'llm.token_count.prompt': 11,
      'llm.token_count.completion': 7,
      'llm.token_count.total': 18,
      'llm.input_messages.0.message.role': 'user',
      'llm.input_messages.0.message.content': 'plan it',
      'llm.output_messages.0.message.content': 'done',
    });
  });

  it('leaves message text out of model-call spans unless ORCHESTRATOR_TRACE_CONTENT=1', async () => {
    const tracer = createRunTracer(await runDir(), { env: {} });
    await tracer.traceModelCall(
      { modelName: 'm', messages: [{ role: 'user', content: 'secret' }] },
      (span) => span.recordResponse({ promptTokens: 1, completionTokens: 1 }),
    );
    await tracer.shutdown();
    const text = await readFile(tracer.filePath, 'utf8');
    expect(text).toContain('"llm.input_messages.0.message.role":"user"');
    expect(text).not.toContain('secret');
  });

  it('records a thrown error on the span and rethrows it', async () => {
    const tracer = createRunTracer(await runDir());
    await expect(
      tracer.withSpan('phase.logic', {}, () => {
        throw new Error('symbol not found');
      }),
    ).rejects.toThrow('symbol not found');
    await tracer.shutdown();
    const [line] = await readLines(tracer.filePath);
    expect(line?.name).toBe('phase.logic');
    expect(line?.status).toEqual({ code: 'ERROR', message: 'symbol not found' });
    expect(line?.events[0]?.name).toBe('exception');
    expect(line?.events[0]?.attributes['exception.message']).toBe('symbol not found');
  });

  it('writes each line as soon as its span ends, before shutdown', async () => {
    const tracer = createRunTracer(await runDir());
    await tracer.withSpan('early', {}, () => undefined);
    expect((await readLines(tracer.filePath)).map((l) => l.name)).toEqual(['early']);
    await tracer.shutdown();
  });

  it('can be shut down twice and drops spans that end afterwards', async () => {
    const tracer = createRunTracer(await runDir());
    await tracer.withSpan('kept', {}, () => undefined);
    await tracer.shutdown();
    await tracer.shutdown();
    await tracer.withSpan('late', {}, () => undefined);
    expect((await readLines(tracer.filePath)).map((l) => l.name)).toEqual(['kept', 'run']);
  });

  it('does not register a global tracer provider', async () => {
    const tracer = createRunTracer(await runDir());
    await tracer.withSpan('x', {}, () => {
      expect(trace.getActiveSpan()).toBeUndefined();
    });
    const globalSpan = trace.getTracer('probe').startSpan('probe');
    expect(globalSpan.isRecording()).toBe(false);
    globalSpan.end();
    await tracer.shutdown();
  });
});
