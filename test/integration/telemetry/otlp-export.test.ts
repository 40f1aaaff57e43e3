import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createCommandRunner } from '../../../src/process/index.js';
import { createRunTracer } from '../../../src/telemetry/create-tracer.js';
import type { TraceLine } from '../../../src/telemetry/trace-file.js';
import { fixtureServer } from '../../fixtures/mcp-servers/fixture-servers.js';
import {
  type OtlpReceiver,
  startOtlpReceiver,
  unusedLocalUrl,
} from '../../helpers/otlp-receiver.js';
import type { ReceivedSpan } from '../../helpers/otlp-span.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-otlp-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function receiver(mode?: 'ok' | 'hang'): Promise<OtlpReceiver> {
  const started = await startOtlpReceiver(mode ? { mode } : {});
  cleanups.push(() => started.close());
  return started;
}

async function readTrace(file: string): Promise<TraceLine[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceLine);
}

function only(spans: ReceivedSpan[], name: string): ReceivedSpan {
  const found = spans.filter((span) => span.name === name);
  expect(
    found.map((span) => span.name),
    `one span named ${name}`,
  ).toEqual([name]);
  return found[0] as ReceivedSpan;
}

describe('OTLP export of a run trace', () => {
  it('sends run → phase → MCP tool calls and subprocesses as one trace over http/protobuf', async () => {
    const collector = await receiver();
    const dir = await tempDir();
    const warnings: string[] = [];
    const tracer = createRunTracer(dir, {
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=secret%20one, x-team = tools',
        OTEL_SERVICE_NAME: 'orchestrator-under-test',
        PHOENIX_PROJECT_NAME: 'refactors',
      },
      warn: (message) => warnings.push(message),
      input: 'rename a to b',
      attributes: { 'orchestrator.run.id': 'run-1' },
    });
    const pool: ClientPool = createClientPool({
      workspace: dir,
      servers: {
        echo: fixtureServer('echo'),
        crashy: fixtureServer('crash-once', { CRASH_MARKER: path.join(dir, 'crashed') }),
      },
      parallelism: 2,
      spans: tracer,
    });
    cleanups.push(() => pool.close());
    const commands = createCommandRunner(process.env, tracer);
    const signal = new AbortController().signal;
    // One start, one span: a connect that waits for a start under way, or finds the server up,
    // records none.
    await Promise.all([pool.connect(['echo']), pool.connect(['echo'])]);
    await pool.connect(['echo']);

    await tracer.withSpan('phase.map', { 'orchestrator.phase': 'map' }, async () => {
      await pool.callTool('echo', 'echo', { text: 'hé' });
      await expect(pool.callTool('echo', 'fail', {})).rejects.toThrow('no symbol');
      await pool.callTool('crashy', 'work', {});
      const exit = await commands.run([process.execPath, '-e', 'process.exit(3)'], {
        cwd: dir,
        timeoutMs: 20_000,
        signal,
        label: 'test',
      });
      expect(exit.exitCode).toBe(3);
    });
    tracer.recordRunOutcome({ success: true, error: null });
    await tracer.shutdown();

    const spans = collector.spans();
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([tracer.traceId]));
    const local = await readTrace(tracer.filePath);
    expect(spans.map((span) => span.spanId).sort()).toEqual(local.map((l) => l.spanId).sort());
    expect(collector.exports.every((e) => e.path === '/v1/traces')).toBe(true);
    expect(collector.exports[0]?.contentType).toBe('application/x-protobuf');
    expect(collector.exports[0]?.headers['x-api-key']).toBe('secret one');
    expect(collector.exports[0]?.headers['x-team']).toBe('tools');

    const run = only(spans, 'run');
    expect(run.parentSpanId).toBeNull();
    expect(run.resource).toMatchObject({
      'service.name': 'orchestrator-under-test',
      'openinference.project.name': 'refactors',
    });
    expect(run.attributes).toMatchObject({
      'openinference.span.kind': 'CHAIN',
      'input.value': 'rename a to b',
      'orchestrator.run.id': 'run-1',
      'orchestrator.run.success': true,
    });
    expect(run.status.code).toBe(1);
    const connect = only(spans, 'mcp.connect echo');
    expect(connect.parentSpanId).toBe(run.spanId);
    expect(connect.attributes).toMatchObject({ 'mcp.server.tool_count': 7 });

    const phase = only(spans, 'phase.map');
    expect(phase.parentSpanId).toBe(run.spanId);
    const echo = only(spans, 'tools/call echo');
    expect(echo.parentSpanId).toBe(phase.spanId);
    expect(echo.kind).toBe(3);
    expect(echo.attributes).toMatchObject({
      'openinference.span.kind': 'TOOL',
      'mcp.method.name': 'tools/call',
      'mcp.server.name': 'echo',
      'gen_ai.tool.name': 'echo',
      'network.transport': 'pipe',
      'mcp.request.argument_bytes': Buffer.byteLength(JSON.stringify({ text: 'hé' })),
      'mcp.request.retries': 0,
      'mcp.tool.is_error': false,
    });
    expect(echo.attributes['mcp.response.result_bytes']).toBeGreaterThan(10);
    expect(echo.attributes['input.value']).toBeUndefined();
    expect(echo.endNs).toBeGreaterThan(echo.startNs);
    expect(echo.startNs).toBeGreaterThanOrEqual(phase.startNs);
    expect(echo.endNs).toBeLessThanOrEqual(phase.endNs);

    const failed = only(spans, 'tools/call fail');
    expect(failed.status.code).toBe(2);
    expect(failed.status.message).toContain('no symbol "x"');
    expect(failed.attributes).toMatchObject({
      'mcp.tool.is_error': true,
      'mcp.tool.error_code': 'SYMBOL_NOT_FOUND',
      'error.type': 'MCP_TOOL_FAILED',
    });
    expect(failed.events.map((event) => event.name)).toContain('exception');

    const retried = only(spans, 'tools/call work');
    expect(retried.attributes).toMatchObject({
      'mcp.server.name': 'crashy',
      'mcp.request.retries': 1,
    });
    expect(retried.status.code).toBe(1);

    const test = only(spans, 'process test');
    expect(test.parentSpanId).toBe(phase.spanId);
    expect(test.attributes).toMatchObject({
      'openinference.span.kind': 'TOOL',
      'process.command_args': [process.execPath, '-e', 'process.exit(3)'],
      'process.exit.code': 3,
      'orchestrator.process.timed_out': false,
    });
    expect(test.status).toEqual({ code: 2, message: 'test exited with 3' });
    expect(warnings).toEqual([]);
  });

  it('sends http/json to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, with typed attribute values', async () => {
    const collector = await receiver();
    const tracer = createRunTracer(await tempDir(), {
      env: {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/custom/traces`,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9/ignored',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      },
    });
    await tracer.withSpan(
      'phase.plan',
      { count: 3, ratio: 0.5, ok: true, files: ['a.py', 'b.py'] },
      () => undefined,
    );
    await tracer.shutdown();
    expect(collector.exports.map((e) => e.path)).toEqual(['/custom/traces']);
    expect(collector.exports[0]?.contentType).toBe('application/json');
    const phase = only(collector.spans(), 'phase.plan');
    expect(phase.attributes).toMatchObject({
      count: 3,
      ratio: 0.5,
      ok: true,
      files: ['a.py', 'b.py'],
    });
    expect(phase.resource['service.name']).toBe('mcp-orchestrator');
    expect(only(collector.spans(), 'run').spanId).toBe(phase.parentSpanId);
  });

  it("sends to Phoenix's PHOENIX_COLLECTOR_ENDPOINT with its API key and project", async () => {
    const collector = await receiver();
    const tracer = createRunTracer(await tempDir(), {
      env: {
        PHOENIX_COLLECTOR_ENDPOINT: collector.url,
        PHOENIX_API_KEY: 'px-key',
        PHOENIX_PROJECT_NAME: 'orchestrator',
      },
    });
    await tracer.shutdown();
    expect(collector.exports[0]?.path).toBe('/v1/traces');
    expect(collector.exports[0]?.headers.authorization).toBe('Bearer px-key');
    expect(only(collector.spans(), 'run').resource['openinference.project.name']).toBe(
      'orchestrator',
    );
  });

  it('warns once when the collector is unreachable and still writes trace.jsonl', async () => {
    const warnings: string[] = [];
    const url = await unusedLocalUrl();
    const tracer = createRunTracer(await tempDir(), {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: url, OTEL_EXPORTER_OTLP_TIMEOUT: '300' },
      warn: (message) => warnings.push(message),
    });
    await tracer.withSpan('phase.map', {}, () => undefined);
    const started = performance.now();
    await tracer.shutdown();
    // The bound is the export timeout (+250 ms): far below it, whatever the machine.
    expect(performance.now() - started).toBeLessThan(300 + 250 + 2_000);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Trace export to ${url}/v1/traces (http/protobuf`);
    expect(warnings[0]).toContain(tracer.filePath);
    expect((await readTrace(tracer.filePath)).map((l) => l.name)).toEqual(['phase.map', 'run']);
  });

  it('gives up on a collector that never answers after the export timeout', async () => {
    const collector = await receiver('hang');
    const warnings: string[] = [];
    const tracer = createRunTracer(await tempDir(), {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_TIMEOUT: '300' },
      warn: (message) => warnings.push(message),
    });
    const started = performance.now();
    await tracer.shutdown();
    expect(performance.now() - started).toBeLessThan(300 + 250 + 2_000);
    expect(warnings.join('\n')).toMatch(/Trace export to .* (failed|did not finish)/);
  });

  it('names unusable variables in warnings and never fails for them', async () => {
    const warnings: string[] = [];
    const tracer = createRunTracer(await tempDir(), {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url', ORCHESTRATOR_TRACE_CONTENT: 'yes' },
      warn: (message) => warnings.push(message),
    });
    expect(tracer.settings.export).toBeNull();
    await tracer.shutdown();
    expect(warnings).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT=not a url is not a URL; traces are not exported.',
      'ORCHESTRATOR_TRACE_CONTENT=yes is not 1, true, 0 or false; content is not recorded.',
    ]);
  });
});
