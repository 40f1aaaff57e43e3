import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_TIMEOUT_MS,
  resolveTraceSettings,
} from '../../../src/telemetry/trace-settings.js';

describe('resolveTraceSettings', () => {
  it('exports nothing and records no content when nothing is set', () => {
    expect(resolveTraceSettings({})).toEqual({
      export: null,
      serviceName: 'mcp-orchestrator',
      resourceAttributes: {},
      recordContent: false,
      warnings: [],
    });
  });

  it('adds /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT and defaults to http/protobuf', () => {
    for (const base of ['http://collector:4318', 'http://collector:4318/']) {
      expect(resolveTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: base }).export).toEqual({
        url: 'http://collector:4318/v1/traces',
        protocol: 'http/protobuf',
        headers: {},
        timeoutMs: DEFAULT_EXPORT_TIMEOUT_MS,
        source: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      });
    }
    expect(
      resolveTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base' }).export
        ?.url,
    ).toBe('https://otel.example/base/v1/traces');
  });

  it('prefers the traces variables over the general ones, and both over Phoenix', () => {
    const settings = resolveTraceSettings({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://a:1/exact',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:2',
      PHOENIX_COLLECTOR_ENDPOINT: 'http://c:3',
      PHOENIX_API_KEY: 'not-sent-to-a-non-phoenix-collector',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=2',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=3',
      OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '1500',
      OTEL_EXPORTER_OTLP_TIMEOUT: '9000',
    });
    expect(settings.export).toEqual({
      url: 'http://a:1/exact',
      protocol: 'http/json',
      headers: { a: '1', b: '3' },
      timeoutMs: 1500,
      source: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    });
  });

  it("uses Phoenix's endpoint, API key, client headers and project name", () => {
    const settings = resolveTraceSettings({
      PHOENIX_COLLECTOR_ENDPOINT: 'http://localhost:6006',
      PHOENIX_API_KEY: 'k',
      PHOENIX_CLIENT_HEADERS: 'x-extra=1',
      PHOENIX_PROJECT_NAME: 'refactors',
    });
    expect(settings.export).toMatchObject({
      url: 'http://localhost:6006/v1/traces',
      headers: { 'x-extra': '1', authorization: 'Bearer k' },
      source: 'PHOENIX_COLLECTOR_ENDPOINT',
    });
    expect(settings.resourceAttributes).toEqual({ 'openinference.project.name': 'refactors' });
    expect(
      resolveTraceSettings({ PHOENIX_COLLECTOR_ENDPOINT: 'http://p:6006/v1/traces' }).export?.url,
    ).toBe('http://p:6006/v1/traces');
  });

  it('takes the service name from OTEL_SERVICE_NAME, then OTEL_RESOURCE_ATTRIBUTES', () => {
    expect(
      resolveTraceSettings({
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=a,deployment.environment=ci',
      }),
    ).toMatchObject({
      serviceName: 'a',
      resourceAttributes: { 'service.name': 'a', 'deployment.environment': 'ci' },
    });
    expect(
      resolveTraceSettings({ OTEL_SERVICE_NAME: 'b', OTEL_RESOURCE_ATTRIBUTES: 'service.name=a' })
        .serviceName,
    ).toBe('b');
  });

  it('percent-decodes headers and leaves out malformed entries, naming only their key', () => {
    const settings = resolveTraceSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Basic%20abc%3D%3D, broken, bad=%E0%A4%A',
    });
    expect(settings.export?.headers).toEqual({ Authorization: 'Basic abc==' });
    expect(settings.warnings).toEqual([
      'OTEL_EXPORTER_OTLP_HEADERS: left out the malformed entry (no "="); write key=value,key2=value2.',
      'OTEL_EXPORTER_OTLP_HEADERS: left out the malformed entry bad=…; write key=value,key2=value2.',
    ]);
  });

  it('warns and falls back for an unsupported protocol, a bad timeout or a bad URL', () => {
    const settings = resolveTraceSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_TIMEOUT: '-5',
    });
    expect(settings.export).toMatchObject({ protocol: 'http/protobuf', timeoutMs: 3000 });
    expect(settings.warnings).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported (use http/protobuf or http/json); exporting with http/protobuf.',
      'OTEL_EXPORTER_OTLP_TIMEOUT=-5 is not a whole number of milliseconds from 1 to 600000; using 3000.',
    ]);
    const ftp = resolveTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c' });
    expect(ftp.export).toBeNull();
    expect(ftp.warnings[0]).toContain('only http:// and https:// collectors are supported');
  });

  it('exports nothing with OTEL_SDK_DISABLED=true, and records content with ORCHESTRATOR_TRACE_CONTENT=1', () => {
    expect(
      resolveTraceSettings({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' })
        .export,
    ).toBeNull();
    expect(resolveTraceSettings({ ORCHESTRATOR_TRACE_CONTENT: '1' }).recordContent).toBe(true);
    expect(resolveTraceSettings({ ORCHESTRATOR_TRACE_CONTENT: 'true' }).recordContent).toBe(true);
    expect(resolveTraceSettings({ ORCHESTRATOR_TRACE_CONTENT: '0' }).recordContent).toBe(false);
  });
});
