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
    const [line, ...rest] = await readLines(tracer.filePath);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      name: 'phase.map',
      parentSpanId: null,
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
    const tracer = createRunTracer(await runDir());
    await tracer.withSpan('run', {}, async () => {
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
    await tracer.withSpan('another-root', {}, () => undefined);
    await tracer.shutdown();

    const lines = await readLines(tracer.filePath);
    const byName = new Map(lines.map((line) => [line.name, line]));
    const run = byName.get('run');
    expect(run?.parentSpanId).toBeNull();
    expect(byName.get('phase.a')?.parentSpanId).toBe(run?.spanId);
    expect(byName.get('phase.b')?.parentSpanId).toBe(run?.spanId);
    expect(byName.get('step.a1')?.parentSpanId).toBe(byName.get('phase.a')?.spanId);
    for (const name of ['phase.a', 'phase.b', 'step.a1'])
      expect(byName.get(name)?.traceId).toBe(run?.traceId);
    expect(byName.get('another-root')?.parentSpanId).toBeNull();
    expect(byName.get('another-root')?.traceId).not.toBe(run?.traceId);
    // Children end first, so they come first in the file.
    expect(lines.map((l) => l.name).indexOf('step.a1')).toBeLessThan(
      lines.map((l) => l.name).indexOf('run'),
    );
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
    expect((await readLines(tracer.filePath)).map((l) => l.name)).toEqual(['kept']);
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
